import Foundation

/// An empirical-Bayes prior for many series' noise variances: s²ᵢ (on dᵢ degrees of freedom)
/// ~ σᵢ²·χ²(dᵢ)/dᵢ with σᵢ² scaled-inverse-χ²(d₀, s₀²), fitted by the moment method of Smyth
/// (2004), as limma's `fitFDist` without a covariate; ``posterior(variance:df:)`` is limma's
/// `squeezeVar`: (dᵢ·s²ᵢ + d₀·s₀²)/(dᵢ + d₀), whose predictive is Student-t on dᵢ + d₀ df.
/// Checked against limma in `notebooks-data/reference/variance_prior_reference.R`.
public struct VariancePrior: Sendable, Equatable {
  /// s₀², the prior's centre.
  public let scale: Double
  /// d₀, the prior's degrees of freedom (`.infinity`: every series takes s₀²).
  public let df: Double
  /// Series the prior was fitted on.
  public let count: Int

  public init(scale: Double, df: Double, count: Int) { self.scale = scale; self.df = df; self.count = count }

  /// The moment fit on the finite, non-negative variances with positive finite df (pairs
  /// failing either are left out, as limma does); nil with fewer than two such pairs.
  public init?(variances: [Double], df: [Double]) {
    var x = [Double](), d = [Double]()
    for (v, k) in zip(variances, df) where v.isFinite && v > -1e-15 && k.isFinite && k > 1e-15 {
      x.append(max(v, 0)); d.append(k)
    }
    guard x.count >= 2 else { return nil }
    var m = SampleQuantile.type7(sorted: x.sorted(), 0.5)
    if m == 0 { m = 1 }
    let floor = 1e-5 * m
    let e = zip(x, d).map { v, k in Foundation.log(max(v, floor)) - SpecialFunctions.digamma(k / 2) + Foundation.log(k / 2) }
    let n = Double(e.count)
    let emean = e.reduce(0, +) / n
    var evar = e.reduce(0) { $0 + ($1 - emean) * ($1 - emean) } / (n - 1)
    evar -= d.reduce(0) { $0 + SpecialFunctions.trigamma($1 / 2) } / n
    if evar > 0 {
      let d0 = 2 * SpecialFunctions.trigammaInverse(evar)
      self.df = d0
      self.scale = Foundation.exp(emean + SpecialFunctions.digamma(d0 / 2) - Foundation.log(d0 / 2))
    } else {
      self.df = .infinity
      self.scale = x.map { max($0, floor) }.reduce(0, +) / n
    }
    count = x.count
  }

  /// The posterior mean variance of a series with sample variance `variance` on `df` degrees of
  /// freedom (the prior's s₀² when d₀ is infinite or the series has no df of its own).
  public func posterior(variance: Double, df k: Double) -> Double {
    guard df.isFinite else { return scale }
    guard k > 0, variance.isFinite else { return scale }
    return (k * max(variance, 0) + df * scale) / (k + df)
  }
}

extension SpecialFunctions {
  /// ψ(x), the digamma function, for x > 0 (recurrence to x ≥ 10, then the asymptotic series;
  /// about 1e-15 relative).
  public static func digamma(_ x0: Double) -> Double {
    guard x0 > 0, x0.isFinite else { return x0 == .infinity ? .infinity : .nan }
    var x = x0, r = 0.0
    while x < 10 { r -= 1 / x; x += 1 }
    let f = 1 / (x * x)
    let series = f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132)))))
    return r + Foundation.log(x) - 0.5 / x - series
  }

  /// ψ′(x), the trigamma function, for x > 0.
  public static func trigamma(_ x0: Double) -> Double {
    guard x0 > 0, x0.isFinite else { return x0 == .infinity ? 0 : .nan }
    var x = x0, r = 0.0
    while x < 10 { r += 1 / (x * x); x += 1 }
    let f = 1 / (x * x)
    // 1/x + 1/(2x²) + 1/(6x³) − 1/(30x⁵) + 1/(42x⁷) − 1/(30x⁹) + 5/(66x¹¹)
    let tail = (1 + f * (1.0 / 6 - f * (1.0 / 30 - f * (1.0 / 42 - f * (1.0 / 30 - f * (5.0 / 66)))))) / x
    return r + tail + 0.5 * f
  }

  /// ψ″(x), the tetragamma function, for x > 0.
  static func tetragamma(_ x0: Double) -> Double {
    guard x0 > 0, x0.isFinite else { return x0 == .infinity ? 0 : .nan }
    var x = x0, r = 0.0
    while x < 10 { r -= 2 / (x * x * x); x += 1 }
    let f = 1 / (x * x)
    // −1/x² − 1/x³ − 1/(2x⁴) + 1/(6x⁶) − 1/(6x⁸) + 3/(10x¹⁰) − 5/(6x¹²)
    let series = -f * (1 + 1 / x + f * (0.5 - f * (1.0 / 6 - f * (1.0 / 6 - f * (3.0 / 10 - f * (5.0 / 6))))))
    return r + series
  }

  /// The y > 0 with ψ′(y) = x, for x > 0 (limma's `trigammaInverse`: Newton from 0.5 + 1/x).
  public static func trigammaInverse(_ x: Double) -> Double {
    guard x > 0, x.isFinite else { return x == .infinity ? 0 : .nan }
    if x > 1e7 { return 1 / x.squareRoot() }
    if x < 1e-6 { return 1 / x }
    var y = 0.5 + 1 / x
    for _ in 0..<50 {
      let tri = trigamma(y)
      let dif = tri * (1 - tri / x) / tetragamma(y)
      y += dif
      if -dif / y < 1e-8 { break }
    }
    return y
  }
}
