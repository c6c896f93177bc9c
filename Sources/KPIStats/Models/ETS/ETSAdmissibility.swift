/// Parameter restrictions of R `ets(bounds = "both")`: the "usual" box (R `check.param`) and the
/// admissible (forecastability) region of Hyndman et al. 2008, ch. 10 (R `admissible`).
public enum ETSAdmissibility {
  /// R's default usual bounds: α, β, γ in [1e-4, 0.9999], φ in [0.8, 0.98], with β ≤ α, γ ≤ 1 − α.
  public struct Bounds: Sendable, Equatable {
    public var lower = (alpha: 1e-4, beta: 1e-4, gamma: 1e-4, phi: 0.8)
    public var upper = (alpha: 0.9999, beta: 0.9999, gamma: 0.9999, phi: 0.98)
    public init() {}
    public static func == (a: Bounds, b: Bounds) -> Bool { a.lower == b.lower && a.upper == b.upper }
  }

  /// R `check.param` / `EtsTargetFunction::check_params` for the usual bounds on the parameters
  /// of `model` flagged in `check` (the estimated ones; all of them for given values).
  static func usual(
    _ p: ETSParameters, model: ETSModelType, bounds: Bounds,
    check: (alpha: Bool, beta: Bool, gamma: Bool, phi: Bool) = (true, true, true, true)
  ) -> Bool {
    if check.alpha && (p.alpha < bounds.lower.alpha || p.alpha > bounds.upper.alpha) { return false }
    if check.beta && model.hasTrend && (p.beta < bounds.lower.beta || p.beta > p.alpha || p.beta > bounds.upper.beta) {
      return false
    }
    if check.phi && model.damped && (p.phi < bounds.lower.phi || p.phi > bounds.upper.phi) { return false }
    if check.gamma && model.hasSeason
      && (p.gamma < bounds.lower.gamma || p.gamma > 1 - p.alpha || p.gamma > bounds.upper.gamma) {
      return false
    }
    return true
  }

  /// R `admissible(alpha, beta, gamma, phi, m)`: for seasonal models all roots of
  /// z^{m+1} + (α+β−φ)z^m + (α+β−αφ)(z^{m−1}+…+z²) + (α+β−αφ+γ−1)z + φ(1−α−γ)
  /// must lie in |z| ≤ 1 + 1e−10. R finds the roots with `polyroot`; here the Schur–Cohn test
  /// decides the same question without computing them (see `rootsInsideCircle`).
  public static func admissible(_ p: ETSParameters, model: ETSModelType, m: Int) -> Bool {
    let phi = model.damped ? p.phi : 1
    let alpha = p.alpha
    if phi < 0 || phi > 1 + 1e-8 { return false }
    if !model.hasSeason {
      if alpha < 1 - 1 / phi || alpha > 1 + 1 / phi { return false }
      if model.hasTrend && (p.beta < alpha * (phi - 1) || p.beta > (1 + phi) * (2 - alpha)) { return false }
      return true
    }
    guard m > 1 else { return true }
    let beta = model.hasTrend ? p.beta : 0
    let gamma = p.gamma
    let md = Double(m)
    if gamma < max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha { return false }
    if alpha < 1 - 1 / phi - gamma * (1 - md + phi + phi * md) / (2 * phi * md) { return false }
    if beta < -(1 - phi) * (gamma / md + alpha) { return false }
    return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * (m + 2)) { buffer in
      guard let c = buffer.baseAddress else { return false }
      // Coefficients in increasing powers, as R's `P`.
      c[0] = phi * (1 - alpha - gamma)
      c[1] = alpha + beta - alpha * phi + gamma - 1
      if m > 2 { for k in 2..<m { c[k] = alpha + beta - alpha * phi } }
      c[m] = alpha + beta - phi
      c[m + 1] = 1
      var degree = m + 1
      var start = 0
      // With φ = 1 and β = 0 (no trend), z = 1 is always a root (P(1) = mβ = 0): R accepts it
      // (|1| ≤ 1 + 1e−10); divide it out exactly so the test below only sees the other roots.
      if phi == 1 && beta == 0 {
        // Synthetic division by (z − 1), from the top coefficient down; the quotient is c[1…].
        var carry = 0.0
        for k in stride(from: degree, through: 1, by: -1) {
          carry = c[k] + carry
          c[k] = carry
        }
        start = 1
        degree -= 1
      }
      return rootsInsideCircle(UnsafeMutableBufferPointer(start: c + start, count: 2 * (degree + 1)), degree: degree,
                               radius: 1 + 1e-10)
    }
  }

  /// Schur–Cohn test: true when every root of Σ c[k] zᵏ (k = 0…degree, c[degree] ≠ 0) has
  /// modulus below `radius`. Uses the Schur transform p ↦ (c_d·p − c₀·p*)/z, which keeps the
  /// number of roots inside the disc when |c₀| < |c_d| (Henrici 1974, *Applied and Computational
  /// Complex Analysis* I, §6.8). Overwrites `c`, which needs room for 2·(degree + 1) values.
  static func rootsInsideCircle(_ c: UnsafeMutableBufferPointer<Double>, degree: Int, radius: Double) -> Bool {
    guard let base = c.baseAddress, degree >= 0, c.count >= 2 &* (degree &+ 1) else { return false }
    var d = degree
    // The two halves of `c` take turns as the polynomial and the next one (no copying back).
    var a = base, next = base + (degree &+ 1)
    // Scale z = radius·w so the question is about the unit disc.
    var r = 1.0
    for k in 0...d { a[k] *= r; r *= radius }
    while d > 0 {
      let c0 = a[0], cd = a[d]
      if !(abs(c0) < abs(cd)) { return false }
      // Unnormalised step (no division on the critical path); rescale only if the coefficients
      // drift far from order one (long recursions, m = 12).
      var j = 0
      while j < d {
        next[j] = cd * a[j &+ 1] - c0 * a[d &- j &- 1]
        j &+= 1
      }
      swap(&a, &next)
      let lead = abs(a[d &- 1])
      if !(lead > 1e-100 && lead < 1e100) {
        guard lead > 0 && lead.isFinite else { return false }
        j = 0
        while j < d { a[j] /= lead; j &+= 1 }
      }
      d &-= 1
    }
    return true
  }
}
