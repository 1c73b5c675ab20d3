import MLCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Pieces shared by linear and quadratic discriminant analysis.
enum DiscriminantSupport {
    /// The classes that have training rows, their counts and the rows of each.
    static func groups(_ y: [Int32], classCount: Int) -> (present: [Int], rows: [[Int]]) {
        var rows = [[Int]](repeating: [], count: classCount)
        for (i, c) in y.enumerated() { rows[Int(c)].append(i) }
        let present = (0..<classCount).filter { !rows[$0].isEmpty }
        return (present, present.map { rows[$0] })
    }

    /// Class means (classes × features) of the row groups.
    static func means(_ x: Matrix, groups: [[Int]]) -> Matrix {
        var m = Matrix(rowCount: groups.count, columnCount: x.columnCount)
        for j in 0..<x.columnCount {
            x.withColumn(j) { col in
                for (g, rows) in groups.enumerated() {
                    var s = 0.0
                    for i in rows { s += col[i] }
                    m[g, j] = s / Double(rows.count)
                }
            }
        }
        return m
    }

    /// Validates optional fixed priors against the class count and returns them (or nil).
    static func checkPriors(_ priors: [Double]?, classCount: Int, estimator: String) throws -> [Double]? {
        guard let p = priors else { return nil }
        guard p.count == classCount else {
            throw MLError.invalidParameter(estimator: estimator, name: "priors", value: "\(p.count) values",
                                           expected: "one prior per class (\(classCount))")
        }
        let total = p.reduce(0, +)
        guard p.allSatisfy({ $0.isFinite && $0 >= 0 }), total > 0 else {
            throw MLError.invalidParameter(estimator: estimator, name: "priors", value: "\(p)",
                                           expected: "non-negative numbers with a positive sum")
        }
        return p.map { $0 / total }
    }

    /// Scatters per-present-class scores into a full probability matrix (absent classes get 0).
    static func probabilities(scores: Matrix, present: [Int], classCount: Int) -> Matrix {
        var s = scores
        ClassicSupport.softmaxRows(&s)
        if present.count == classCount { return s }
        var out = Matrix(rowCount: s.rowCount, columnCount: classCount)
        for (g, c) in present.enumerated() {
            for i in 0..<s.rowCount { out[i, c] = s[i, g] }
        }
        return out
    }

    /// The most probable present class of each row, as an index into all classes.
    static func argmax(scores: Matrix, present: [Int]) -> [Int32] {
        var out = [Int32](repeating: 0, count: scores.rowCount)
        for i in 0..<scores.rowCount {
            var best = 0
            var bestScore = -Double.infinity
            for g in 0..<scores.columnCount where scores[i, g] > bestScore {
                bestScore = scores[i, g]
                best = g
            }
            out[i] = Int32(present[best])
        }
        return out
    }
}
