import AutoSwiftML
import Testing

/// The training-data fingerprint depends on the values, not on how categories are coded.
@Suite struct TableDigestTests {
    static func table(codes: [Int32], levels: [String], x: [Double]) throws -> DataTable {
        try DataTable(columns: [
            Column(name: "c", data: .categorical(codes: codes, levels: levels)),
            Column(name: "x", data: .numeric(values: x, missing: x.map { $0.isNaN })),
        ])
    }

    @Test func sameValuesSameDigest() throws {
        let a = try Self.table(codes: [0, 1, -1], levels: ["a", "b"], x: [1, .nan, 3])
        let b = try Self.table(codes: [1, 0, -1], levels: ["b", "a", "unused"], x: [1, .nan, 3])
        let target = Target.values([1, 2, 3])
        let da = TableDigest.sha256(of: a, target: target, targetName: "y")
        #expect(da.count == 64)
        #expect(da == TableDigest.sha256(of: b, target: target, targetName: "y"))
    }

    @Test func anyChangeChangesTheDigest() throws {
        let base = try Self.table(codes: [0, 1, -1], levels: ["a", "b"], x: [1, .nan, 3])
        let target = Target.values([1, 2, 3])
        let d = TableDigest.sha256(of: base, target: target, targetName: "y")
        let changedValue = try Self.table(codes: [0, 1, -1], levels: ["a", "b"], x: [1, .nan, 3.0000001])
        let changedMissing = try Self.table(codes: [0, 1, 0], levels: ["a", "b"], x: [1, .nan, 3])
        #expect(d != TableDigest.sha256(of: changedValue, target: target, targetName: "y"))
        #expect(d != TableDigest.sha256(of: changedMissing, target: target, targetName: "y"))
        #expect(d != TableDigest.sha256(of: base, target: .values([1, 2, 4]), targetName: "y"))
        #expect(d != TableDigest.sha256(of: base, target: target, targetName: "z"))
    }
}
