/// Huber's robust regression (an M-estimate) with a fixed scale: β minimises Σ ρ(eᵢ/s) with
/// ρ(u) = u²/2 for |u| ≤ c and c|u| − c²/2 beyond, s = 1.4826·MAD of the least-squares residuals
/// (held fixed, so the objective is convex and its minimiser unique). Solved by iteratively
/// reweighted least squares from the least-squares fit (weights min(1, c·s/|eᵢ|), each step a QR
/// least-squares solve, ``leastSquares(design:response:tolerance:)``), as R's `MASS::rlm` with
/// `psi.huber` does but without re-estimating the scale (Huber 1964; Venables & Ripley, MASS §6.5).
public struct HuberFit: Sendable {
  /// The tuning constant: 95% efficiency under normal errors (R's `psi.huber` default).
  public static let defaultTuning = 1.345

  /// Coefficients in the order of the design's columns (0 for a column least squares aliases).
  public let coefficients: [Double]
  /// Residuals y − Xβ for every row of the design.
  public let residuals: [Double]
  /// The fixed scale s (1.4826·MAD of the least-squares residuals).
  public let scale: Double
  /// Reweighting steps taken.
  public let iterations: Int

  /// Fits the design (rows of equal length) to `response`.
  /// - Parameters:
  ///   - c: the tuning constant (residuals beyond c·s are down-weighted).
  ///   - tolerance: stop when no coefficient moves more than `tolerance × max(1, max |β|)`.
  ///   - maxIterations: reweighting steps at most.
  /// - Throws: `LeastSquaresError` for empty or non-finite input; `LAPACKError` from LAPACK.
  public init(design: [[Double]], response: [Double], c: Double = HuberFit.defaultTuning,
              tolerance: Double = 1e-10, maxIterations: Int = 200) throws {
    let first = try leastSquares(design: design, response: response)
    var beta = first.coefficients.map { $0 ?? 0 }
    var e = first.residuals
    let med = SampleQuantile.median(e)
    let s = 1.4826 * SampleQuantile.median(e.map { abs($0 - med) })
    let k = c * s
    var steps = 0
    if k > 0 && k.isFinite {
      while steps < maxIterations {
        steps += 1
        var wx = design, wy = response
        for i in design.indices {
          let a = abs(e[i])
          let w = (a <= k ? 1 : k / a).squareRoot()
          for j in wx[i].indices { wx[i][j] *= w }
          wy[i] *= w
        }
        let next = try leastSquares(design: wx, response: wy).coefficients.map { $0 ?? 0 }
        var step = 0.0, size = 1.0
        for j in next.indices { step = max(step, abs(next[j] - beta[j])); size = max(size, abs(next[j])) }
        beta = next
        for i in design.indices {
          var f = 0.0
          for j in beta.indices { f += design[i][j] * beta[j] }
          e[i] = response[i] - f
        }
        if step <= tolerance * size { break }
      }
    }
    coefficients = beta
    residuals = e
    scale = s
    iterations = steps
  }
}
