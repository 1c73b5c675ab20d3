import MLCore
import Testing
@testable import MLData

@Suite("DistinctCounter against its naive twin")
struct DistinctCounterTests {
    /// The naive twin: a `Set` of canonical bit patterns.
    private func naiveCount(_ values: [Double], _ missing: [Bool]) -> Int {
        var seen = Set<UInt64>()
        for (v, m) in zip(values, missing) where !m { seen.insert(v == 0 ? 0 : (v.isNaN ? Double.nan.bitPattern : v.bitPattern)) }
        return seen.count
    }

    @Test func matchesSetOnRandomColumns() {
        for seed in 0..<50 {
            var rng = RandomStream(seed: UInt64(seed))
            let n = rng.nextInt(below: 3000)
            let pool = 1 + rng.nextInt(below: 500)
            let values = (0..<n).map { _ -> Double in
                switch rng.nextInt(below: 10) {
                case 0: return -0.0
                case 1: return .nan
                default: return Double(rng.nextInt(below: pool)) * 0.25
                }
            }
            let missing = (0..<n).map { _ in rng.nextInt(below: 7) == 0 }
            #expect(DistinctCounter.count(values, missing: missing) == naiveCount(values, missing), "seed \(seed)")
        }
        #expect(DistinctCounter.count([], missing: []) == 0)
        #expect(DistinctCounter.count([0.0, -0.0, 1], missing: [false, false, false]) == 2)
    }
}
