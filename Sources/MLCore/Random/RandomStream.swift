/// A seeded, splittable pseudo-random stream: every random choice in AutoSwiftML comes from one.
///
/// A stream's numbers depend only on its *path*: the root seed and the keys passed to `split(_:)`
/// on the way down (experiment → model → fold → tree). Splitting never advances the parent, so
/// two children get the same numbers whatever order — or thread — they run in:
///
///     let root = RandomStream(seed: 123)
///     var fold3 = root.split(Keys.folds).split(3)     // the same on every machine and thread count
///     let u = fold3.nextUniform()
///
/// The generator is xoshiro256** seeded through SplitMix64 from a 64-bit hash of the path.
/// The system random number generator is never used.
public struct RandomStream: RandomNumberGenerator, Sendable, Codable, Hashable {
    /// The 64-bit hash of this stream's path; children are derived from it, never from `state`.
    public let pathHash: UInt64
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// The root stream for `seed`.
    public init(seed: UInt64) {
        self.init(pathHash: RandomStream.mix(seed ^ 0x9E37_79B9_7F4A_7C15))
    }

    private init(pathHash: UInt64) {
        self.pathHash = pathHash
        var sm = pathHash
        s0 = RandomStream.splitMix(&sm)
        s1 = RandomStream.splitMix(&sm)
        s2 = RandomStream.splitMix(&sm)
        s3 = RandomStream.splitMix(&sm)
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    /// A child stream for `key`. It depends only on this stream's path and `key`, not on how many
    /// numbers this stream has drawn.
    public func split(_ key: UInt64) -> RandomStream {
        RandomStream(pathHash: RandomStream.mix(pathHash &+ RandomStream.mix(key &+ 0xD1B5_4A32_D192_ED03)))
    }

    /// A child stream for a string key (for example a model ID).
    public func split(_ key: String) -> RandomStream {
        // FNV-1a over the UTF-8 bytes: stable across runs and platforms, unlike `hashValue`.
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return split(h)
    }

    /// The next 64 random bits (xoshiro256**).
    @inlinable
    public mutating func next() -> UInt64 { nextRaw() }

    @usableFromInline
    internal mutating func nextRaw() -> UInt64 {
        let result = RandomStream.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = RandomStream.rotl(s3, 45)
        return result
    }

    /// A uniform `Double` in [0, 1) with 53 random bits.
    @inlinable
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform integer in `0..<bound` (Lemire's nearly-divisionless method; unbiased).
    /// `bound` must be positive.
    @inlinable
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "nextInt(below:) needs a positive bound")
        let b = UInt64(bound)
        var m = next().multipliedFullWidth(by: b)
        if m.low < b {
            let threshold = (0 &- b) % b
            while m.low < threshold { m = next().multipliedFullWidth(by: b) }
        }
        return Int(m.high)
    }

    /// A standard normal deviate (Box–Muller, one value per call).
    public mutating func nextNormal() -> Double {
        var u1 = nextUniform()
        while u1 <= 0 { u1 = nextUniform() }
        let u2 = nextUniform()
        return (-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2)
    }

    /// Shuffles `array` in place (Fisher–Yates). The algorithm is fixed here, unlike the standard
    /// library's `shuffle(using:)`, so results stay identical across Swift versions.
    public mutating func shuffle<T>(_ array: inout [T]) {
        var i = array.count - 1
        while i > 0 {
            let j = nextInt(below: i + 1)
            if i != j { array.swapAt(i, j) }
            i -= 1
        }
    }

    /// A random permutation of `0..<n`.
    public mutating func permutation(_ n: Int) -> [Int] {
        var p = Array(0..<n)
        shuffle(&p)
        return p
    }

    /// `k` distinct indices from `0..<n`, in random order (partial Fisher–Yates).
    public mutating func sample(_ k: Int, from n: Int) -> [Int] {
        precondition(k <= n, "cannot sample more than n")
        var p = Array(0..<n)
        for i in 0..<k {
            let j = i + nextInt(below: n - i)
            p.swapAt(i, j)
        }
        return Array(p[0..<k])
    }

    @inlinable
    internal static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    private static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return mix(state)
    }

    /// SplitMix64's finaliser: a bijective 64-bit mixer.
    @usableFromInline
    internal static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Well-known split keys, so every layer names its substreams the same way.
public enum RandomKeys {
    /// The train/holdout split.
    public static let holdout: UInt64 = 1
    /// The cross-validation folds.
    public static let folds: UInt64 = 2
    /// Model fitting (then split by model ID and fold index).
    public static let models: UInt64 = 3
    /// Hyperparameter search.
    public static let search: UInt64 = 4
    /// Leakage checks.
    public static let checks: UInt64 = 5
}
