

/// Simple exponential smoothing fitted by least squares over both the smoothing weight α and the
/// initial level ℓ₀ (R `forecast::ses`, i.e. `ets(y, "ANN")`, whose likelihood for additive
/// errors is n·log SSE). Recursion: ŷ_t = ℓ_{t−1}, ℓ_t = ℓ_{t−1} + α(y_t − ℓ_{t−1}).
///
/// For fixed α the one-step errors are linear in ℓ₀ — e_t = c_t − (1−α)^{t−1}ℓ₀, c_t the errors
/// from ℓ₀ = 0 — so ℓ₀ is solved exactly and only α is searched: a grid, then golden-section
/// refinement of the best bracket. α is kept in [10⁻⁴, 0.9999] as R's `ets` bounds.
public struct SESFit: Sendable, Equatable {
  public let alpha: Double
  public let initialLevel: Double
  /// Level after the last observation (the flat point forecast).
  public let finalLevel: Double
  public let sse: Double
  /// One-step fitted values ℓ_{t−1}.
  public let fitted: [Double]

  static let alphaRange = (lower: 1e-4, upper: 0.9999)

  /// Fits to `y` (no missing values; at least two values).
  public static func fit(_ y: [Double]) -> SESFit {
    let n = y.count
    guard n >= 2 else {
      let v = y.first ?? 0
      return SESFit(alpha: alphaRange.upper, initialLevel: v, finalLevel: v, sse: 0, fitted: y)
    }
    // Shift by the first value for numerical comfort; ℓ₀ is shifted back at the end.
    let shift = y[0]
    var work = SESWork(n: n)
    func sse(_ a: Double) -> Double { work.evaluate(y, alpha: a, shift: shift).sse }
    let grid = 24
    var bestI = 0
    var values = [Double](repeating: 0, count: grid + 1)
    let (lo, hi) = alphaRange
    for i in 0...grid {
      let a = lo + (hi - lo) * Double(i) / Double(grid)
      values[i] = sse(a)
      if values[i] < values[bestI] { bestI = i }
    }
    var a = lo + (hi - lo) * Double(max(bestI - 1, 0)) / Double(grid)
    var b = lo + (hi - lo) * Double(min(bestI + 1, grid)) / Double(grid)
    let g = 0.6180339887498949
    var c = b - g * (b - a), d = a + g * (b - a)
    var fc = sse(c), fd = sse(d)
    for _ in 0..<40 where b - a > 1e-7 {
      if fc < fd { b = d; d = c; fd = fc; c = b - g * (b - a); fc = sse(c) }
      else { a = c; c = d; fc = fd; d = a + g * (b - a); fd = sse(d) }
    }
    var alpha = (a + b) / 2
    // Keep the grid's end points if the optimum sits on a bound.
    if values[0] < sse(alpha) { alpha = lo }
    if values[grid] < sse(alpha) { alpha = hi }
    let r = work.evaluate(y, alpha: alpha, shift: shift)
    var fitted = [Double](repeating: 0, count: n)
    var level = r.l0 + shift
    for t in 0..<n { fitted[t] = level; level += alpha * (y[t] - level) }
    return SESFit(alpha: alpha, initialLevel: r.l0 + shift, finalLevel: level, sse: r.sse, fitted: fitted)
  }
}
