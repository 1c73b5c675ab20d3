import AutoSwiftML
import Testing

/// SHA-256 against the FIPS 180-4 example vectors (NIST CSRC "Examples with Intermediate Values").
@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func fipsVectors(message: String, digest: String) {
        #expect(SHA256.hexDigest(Array(message.utf8)) == digest)
    }

    @Test func oneMillionAs() {
        var hasher = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(chunk) }
        #expect(hasher.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Feeding the bytes in pieces of any size gives the one-shot digest (padding boundaries
    /// 55, 56, 63, 64 and 65 included).
    @Test func incrementalEqualsOneShot() {
        for length in [0, 1, 55, 56, 57, 63, 64, 65, 119, 128, 200] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let expected = SHA256.hexDigest(bytes)
            for piece in [1, 3, 63, 64, 100] {
                var hasher = SHA256()
                var i = 0
                while i < bytes.count {
                    hasher.update(Array(bytes[i..<min(i + piece, bytes.count)]))
                    i += piece
                }
                #expect(hasher.hexDigest() == expected, "length \(length), pieces of \(piece)")
            }
        }
    }
}
