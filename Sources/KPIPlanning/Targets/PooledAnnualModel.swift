import Foundation
import KPIStats

/// Year-ahead predictive distributions for many authorities' annual values of one KPI, borrowing
/// strength across authorities (docs/PLANNING.md; calibrated in scripts/calibrate_targets.py,
/// which implements the same rule independently with numpy).
///
/// Fitted by Huber's robust regression (``HuberFit``: c = 1.345, iteratively reweighted LAPACK QR
/// least squares, so a few authorities' wild years do not tilt the slopes and year effects) on
/// every authority's yearly change in the years before the target year t:
///   Δy[i,s] = α_s + b·(y[i,s−1] − ȳ[s−1]) + c·Δy[i,s−1] + e[i,s]
/// with α_s a fixed effect per year (the change common to all authorities), ȳ the all-authority
/// mean and a missing previous change set to 0; e are the Huber fit's residuals. Authority i's
/// residual scale is shrunk toward the pooled one with k = 3 pseudo-years:
/// s_i² = (k·s² + n_i·mean(e_i²))/(k + n_i).
/// Predictive: y[i,t−1] + median α + b·gap + c·Δ + sd_α·√(1 + 1/n)·T_{n−1} + λ·s_i·E, where
/// - the common year shock is the predictive of a new draw from the n past α_s (normal, unknown
///   mean and variance: Student-t with n − 1 df, scale sd·√(1 + 1/n); Gelman et al., BDA §3.2),
/// - E runs over the standardised pooled residuals, and λ is the out-of-sample inflation of the
///   authority-specific part: λ² = Σ z² / Σ mean(E²) over every earlier year t' < t the model
///   could forecast, z = (error − that year's mean error)/s_i (rolling origin, years < t only).
public struct PooledAnnualModel: Sendable {
  public static let shrinkage = 3.0
  /// Authorities need this many values before the target year.
  public static let minimumPast = 3
  /// Fewest authorities for the pooled model to be used.
  public static let minimumAuthorities = 20

  /// Panel: authority → (year → value), years as the calendar year the period ends.
  public var panel: [String: [Int: Double]]

  public init(panel: [String: [Int: Double]]) { self.panel = panel }

  /// The least-squares fit on the years before t.
  struct Fit {
    var gapSlope: Double, prevSlope: Double
    var alphas: [Double]
    var scale: [String: Double]
    var standardized: [Double]
    var mean: [Int: Double]
  }

  /// Predictive distributions for year `t` per authority (those with a value at t−1 and enough
  /// history), or an empty dictionary when the panel is too small to fit.
  public func predict(year t: Int) -> [String: YearEndDistribution] {
    guard let f = fit(year: t) else { return [:] }
    let n = Double(f.alphas.count)
    let a0 = Self.median(f.alphas)
    let mu = f.alphas.reduce(0, +) / n
    let sd = (f.alphas.reduce(0) { $0 + ($1 - mu) * ($1 - mu) } / max(n - 1, 1)).squareRoot()
    let shockSD = sd * (1 + 1 / n).squareRoot(), shockDF = max(n - 1, 1)
    let lambda = inflation(year: t)
    let sortedStandardized = f.standardized.sorted()
    var out = [String: YearEndDistribution]()
    for (la, centre) in centres(f, year: t, a0: a0) {
      guard let sc = f.scale[la] else { continue }
      out[la] = .mixture(centre: centre, shockSD: shockSD, shockDF: shockDF, scale: lambda * sc, standardized: sortedStandardized)
    }
    return out
  }

  /// λ: RMS of earlier years' out-of-sample idiosyncratic errors (each year's mean error removed,
  /// divided by s_i) over the RMS of the in-sample standardised residuals; 1 when no earlier year
  /// could be forecast.
  func inflation(year t: Int) -> Double {
    let years = Set(panel.values.flatMap { $0.keys }.filter { $0 < t }).sorted()
    var num = 0.0, den = 0.0
    for tp in years {
      guard let f = fit(year: tp) else { continue }
      var errors = [Double](), scales = [Double]()
      for (la, centre) in centres(f, year: tp, a0: Self.median(f.alphas)).sorted(by: { $0.key < $1.key }) {
        guard let v = panel[la]?[tp], let sc = f.scale[la] else { continue }
        errors.append(v - centre); scales.append(sc)
      }
      guard errors.count >= 10, !f.standardized.isEmpty else { continue }
      let m = errors.reduce(0, +) / Double(errors.count)
      for (e, s) in zip(errors, scales) { num += (e - m) * (e - m) / (s * s) }
      den += Double(errors.count) * f.standardized.reduce(0) { $0 + $1 * $1 } / Double(f.standardized.count)
    }
    guard den > 0, num.isFinite else { return 1 }
    return (num / den).squareRoot()
  }

  /// Fitted centres y[i,t−1] + a0 + b·gap + c·Δ for authorities with a value at t−1, at least
  /// `minimumPast` values before t and a residual scale.
  func centres(_ f: Fit, year t: Int, a0: Double) -> [String: Double] {
    var out = [String: Double]()
    for (la, s) in panel {
      guard let last = s[t - 1], let m1 = f.mean[t - 1], f.scale[la] != nil, s.keys.filter({ $0 < t }).count >= Self.minimumPast else { continue }
      let prev = s[t - 2].map { last - $0 } ?? 0
      out[la] = last + a0 + f.gapSlope * (last - m1) + f.prevSlope * prev
    }
    return out
  }

  func fit(year t: Int) -> Fit? {
    let years = Set(panel.values.flatMap { $0.keys }.filter { $0 < t }).sorted()
    var mean = [Int: Double]()
    // Authorities in name order: a dictionary's order changes from run to run, and a sum's last
    // bits with it (the output must be the same on every run).
    let byName = panel.sorted { $0.key < $1.key }
    for y in years {
      let v = byName.compactMap { $0.value[y] }
      if !v.isEmpty { mean[y] = v.reduce(0, +) / Double(v.count) }
    }
    var rows = [(year: Int, gap: Double, prev: Double)](), resp = [Double](), who = [String]()
    for (la, s) in byName {
      for y in years {
        guard let v = s[y], let v1 = s[y - 1], let m1 = mean[y - 1] else { continue }
        let prev = s[y - 2].map { v1 - $0 } ?? 0
        rows.append((y, v1 - m1, prev)); resp.append(v - v1); who.append(la)
      }
    }
    let yearList = Set(rows.map(\.year)).sorted()
    guard rows.count >= 10, yearList.count >= 2 else { return nil }
    let nfx = yearList.count, p = nfx + 2
    let yearIndex = Dictionary(uniqueKeysWithValues: yearList.enumerated().map { ($1, $0) })
    var design = [[Double]]()
    design.reserveCapacity(rows.count)
    for r in rows {
      var x = [Double](repeating: 0, count: p)
      x[yearIndex[r.year] ?? 0] = 1
      x[nfx] = r.gap; x[nfx + 1] = r.prev
      design.append(x)
    }
    guard let fit = try? HuberFit(design: design, response: resp) else { return nil }
    let beta = fit.coefficients, residuals = fit.residuals
    let sPool2 = residuals.reduce(0) { $0 + $1 * $1 } / Double(max(rows.count - p, 1))
    var own = [String: [Double]]()
    for (la, e) in zip(who, residuals) { own[la, default: []].append(e) }
    var scale = [String: Double]()
    for (la, es) in own {
      let n = Double(es.count)
      let ms = es.reduce(0) { $0 + $1 * $1 } / n
      scale[la] = ((Self.shrinkage * sPool2 + n * ms) / (Self.shrinkage + n)).squareRoot()
    }
    let standardized = zip(who, residuals).compactMap { la, e -> Double? in
      guard let s = scale[la], s > 0 else { return nil }
      return e / s
    }
    return Fit(gapSlope: beta[nfx], prevSlope: beta[nfx + 1], alphas: Array(beta[0..<nfx]), scale: scale,
               standardized: standardized, mean: mean)
  }

  /// The median (``SampleQuantile``); 0 for no values.
  static func median(_ v: [Double]) -> Double { v.isEmpty ? 0 : SampleQuantile.median(v) }
}
