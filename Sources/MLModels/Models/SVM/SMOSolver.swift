import MLCore

/// Sequential minimal optimisation for the binary C-SVC dual, as libsvm's `Solver` (without
/// shrinking):
///
///     min ½αᵀQα − eᵀα   s.t.  yᵀα = 0,  0 ≤ α_t ≤ C_t,   Q_ij = y_i·y_j·K(x_i, x_j)
///
/// where `C_t` is `cPositive` for `y_t = +1` and `cNegative` for `y_t = −1` (libsvm's `Cp`, `Cn`:
/// `C` times each class's weight).
///
/// Each step picks a pair by libsvm's second-order working-set selection (WSS2, Fan, Chen & Lin
/// 2005), solves the two-variable sub-problem in closed form, clips it to the box and updates the
/// gradient `G = Qα − e`. It stops when the maximal KKT violation `m(α) − M(α)` falls below `tol`
/// or after `maxIterations` steps. The bias follows libsvm's `calculate_rho`.
///
/// IN: labels `y` in {+1, −1}, a kernel-row cache. OUT: `α`, `ρ` (the decision is
/// `Σ α_i y_i K(x_i, x) − ρ`), and the number of iterations.
///
/// - Complexity: O(n) per step plus the kernel rows it needs (two per step, cached).
enum SMOSolver {
    /// A solved binary problem.
    struct Solution {
        var alpha: [Double]
        var rho: Double
        var iterations: Int
        var converged: Bool
    }

    static let tau = 1e-12

    /// Solves the dual for labels `y` (±1) with boxes `cPositive` (for +1) and `cNegative` (for −1).
    static func solve(y: [Double], cPositive: Double, cNegative: Double, tol: Double, maxIterations: Int,
                      kernel: inout RBFKernelCache) -> Solution {
        let n = y.count
        var alpha = [Double](repeating: 0, count: n)
        var g = [Double](repeating: -1, count: n)
        var iterations = 0
        var converged = false
        while iterations < maxIterations {
            // budget: checked every 64 iterations; the CV loop reports the cut
            if iterations & 63 == 0, Interruption.current?.isInterrupted == true { break }
            guard let (i, j) = selectWorkingSet(y: y, alpha: alpha, gradient: g, cPositive: cPositive,
                                                cNegative: cNegative, tol: tol, kernel: &kernel) else {
                converged = true
                break
            }
            iterations += 1
            let ki = kernel.row(i), kj = kernel.row(j)
            let oldI = alpha[i], oldJ = alpha[j]
            let cI = y[i] > 0 ? cPositive : cNegative, cJ = y[j] > 0 ? cPositive : cNegative
            if y[i] != y[j] {
                var quad = 2 - 2 * ki[j]                      // QD_i + QD_j + 2·Q_ij with Q_ij = −K_ij
                if quad <= 0 { quad = tau }
                let delta = (-g[i] - g[j]) / quad
                let diff = alpha[i] - alpha[j]
                alpha[i] += delta
                alpha[j] += delta
                if diff > 0 {
                    if alpha[j] < 0 { alpha[j] = 0; alpha[i] = diff }
                } else {
                    if alpha[i] < 0 { alpha[i] = 0; alpha[j] = -diff }
                }
                if diff > cI - cJ {
                    if alpha[i] > cI { alpha[i] = cI; alpha[j] = cI - diff }
                } else {
                    if alpha[j] > cJ { alpha[j] = cJ; alpha[i] = cJ + diff }
                }
            } else {
                var quad = 2 - 2 * ki[j]                      // QD_i + QD_j − 2·Q_ij with Q_ij = K_ij
                if quad <= 0 { quad = tau }
                let delta = (g[i] - g[j]) / quad
                let sum = alpha[i] + alpha[j]
                alpha[i] -= delta
                alpha[j] += delta
                if sum > cI {
                    if alpha[i] > cI { alpha[i] = cI; alpha[j] = sum - cI }
                } else {
                    if alpha[j] < 0 { alpha[j] = 0; alpha[i] = sum }
                }
                if sum > cJ {
                    if alpha[j] > cJ { alpha[j] = cJ; alpha[i] = sum - cJ }
                } else {
                    if alpha[i] < 0 { alpha[i] = 0; alpha[j] = sum }
                }
            }
            let dI = (alpha[i] - oldI) * y[i], dJ = (alpha[j] - oldJ) * y[j]
            // G_t += Q_ti·Δα_i + Q_tj·Δα_j = y_t·(K_ti·y_i·Δα_i + K_tj·y_j·Δα_j)
            g.withUnsafeMutableBufferPointer { gp in
                y.withUnsafeBufferPointer { yp in
                    ki.withUnsafeBufferPointer { a in
                        kj.withUnsafeBufferPointer { b in
                            for t in 0..<n { gp[t] += yp[t] * (a[t] * dI + b[t] * dJ) }
                        }
                    }
                }
            }
        }
        return Solution(alpha: alpha, rho: rho(y: y, alpha: alpha, gradient: g, cPositive: cPositive, cNegative: cNegative),
                        iterations: iterations, converged: converged)
    }

    /// libsvm's WSS2: `i` maximises `−y_t·G_t` over I_up; `j` minimises the second-order decrease
    /// over I_low. Returns nil when the KKT violation is below `tol`.
    static func selectWorkingSet(y: [Double], alpha: [Double], gradient g: [Double], cPositive: Double,
                                 cNegative: Double, tol: Double, kernel: inout RBFKernelCache) -> (Int, Int)? {
        let n = y.count
        var gMax = -Double.infinity, gMax2 = -Double.infinity
        var iBest = -1
        for t in 0..<n {
            if y[t] > 0 {
                if alpha[t] < cPositive, -g[t] >= gMax { gMax = -g[t]; iBest = t }
            } else {
                if alpha[t] > 0, g[t] >= gMax { gMax = g[t]; iBest = t }
            }
        }
        guard iBest >= 0 else { return nil }
        let ki = kernel.row(iBest)
        var jBest = -1
        var best = Double.infinity
        for t in 0..<n {
            if y[t] > 0 {
                guard alpha[t] > 0 else { continue }
                let gradDiff = gMax + g[t]
                if g[t] >= gMax2 { gMax2 = g[t] }
                if gradDiff > 0 {
                    var quad = 2 - 2 * ki[t]                          // QD_i + QD_t − 2·y_i·Q_it = ‖φ_i − φ_t‖²
                    if quad <= 0 { quad = tau }
                    let objective = -(gradDiff * gradDiff) / quad
                    if objective <= best { best = objective; jBest = t }
                }
            } else {
                guard alpha[t] < cNegative else { continue }
                let gradDiff = gMax - g[t]
                if -g[t] >= gMax2 { gMax2 = -g[t] }
                if gradDiff > 0 {
                    var quad = 2 - 2 * ki[t]                          // QD_i + QD_t + 2·y_i·Q_it = ‖φ_i − φ_t‖²
                    if quad <= 0 { quad = tau }
                    let objective = -(gradDiff * gradDiff) / quad
                    if objective <= best { best = objective; jBest = t }
                }
            }
        }
        if gMax + gMax2 < tol || jBest < 0 { return nil }
        return (iBest, jBest)
    }

    /// libsvm's `calculate_rho`: the mean of `y_t·G_t` over free variables, else the middle of the
    /// feasible interval.
    static func rho(y: [Double], alpha: [Double], gradient g: [Double], cPositive: Double, cNegative: Double) -> Double {
        var upper = Double.infinity, lower = -Double.infinity
        var freeCount = 0
        var freeSum = 0.0
        for t in 0..<y.count {
            let yg = y[t] * g[t]
            if alpha[t] >= (y[t] > 0 ? cPositive : cNegative) {
                if y[t] < 0 { upper = min(upper, yg) } else { lower = max(lower, yg) }
            } else if alpha[t] <= 0 {
                if y[t] > 0 { upper = min(upper, yg) } else { lower = max(lower, yg) }
            } else {
                freeCount += 1
                freeSum += yg
            }
        }
        return freeCount > 0 ? freeSum / Double(freeCount) : (upper + lower) / 2
    }
}
