import Foundation
import KPIStats

/// Year-ahead predictive distributions for many authorities' annual values of one KPI, borrowing
/// strength across authorities (docs/PLANNING.md; calibrated in scripts/calibrate_targets.py,
/// which implements the same rule independently with numpy).
///
/// Fitted by least squares (LAPACK QR) on every authority's yearly change in the years before
/// the target year t:
///   Δy[i,s] = α_s + b·(y[i,s−1] − ȳ[s−1]) + c·Δy[i,s−1] + e[i,s]
/// with α_s a fixed effect per year (the change common to all authorities), ȳ the all-authority
/// mean and a missing previous change set to 0. For year t the common change is the median of the
/// α_s and its uncertainty a normal shock with sd = RMS(α_s − median). Authority i's residual scale
/// is shrunk toward the pooled one with k = 3 pseudo-years: s_i² = (k·s² + n_i·mean(e_i²))/(k + n_i).
/// Predictive: y[i,t−1] + median α + b·gap + c·Δ + N(0, sd²) + s_i·E, E over the standardised residuals.
public struct PooledAnnualModel: Sendable {
  public static let shrinkage = 3.0
  /// Authorities need this many values before the target year.
  public static let minimumPast = 3
  /// Fewest authorities for the pooled model to be used.
  public static let minimumAuthorities = 20

  /// Panel: authority → (year → value), years as the calendar year the period ends.
  public var panel: [String: [Int: Double]]

  public init(panel: [String: [Int: Double]]) { self.panel = panel }

  /// Predictive distributions for year `t` per authority (those with a value at t−1 and enough
  /// history), or an empty dictionary when the panel is too small to fit.
  public func predict(year t: Int) -> [String: YearEndDistribution] {
    let years = Set(panel.values.flatMap { $0.keys }.filter { $0 < t }).sorted()
    var mean = [Int: Double]()
    for y in years {
      let v = panel.values.compactMap { $0[y] }
      if !v.isEmpty { mean[y] = v.reduce(0, +) / Double(v.count) }
    }
    var rows = [(year: Int, gap: Double, prev: Double)](), resp = [Double](), who = [String]()
    for (la, s) in panel.sorted(by: { $0.key < $1.key }) {
      for y in years {
        guard let v = s[y], let v1 = s[y - 1], let m1 = mean[y - 1] else { continue }
        let prev = s[y - 2].map { v1 - $0 } ?? 0
        rows.append((y, v1 - m1, prev)); resp.append(v - v1); who.append(la)
      }
    }
    let yearList = Set(rows.map(\.year)).sorted()
    guard rows.count >= 10, yearList.count >= 2 else { return [:] }
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
    guard let fit = try? leastSquares(design: design, response: resp) else { return [:] }
    let beta = fit.coefficients.map { $0 ?? 0 }
    var residuals = [Double](repeating: 0, count: rows.count)
    for i in rows.indices {
      var f = 0.0
      for j in 0..<p { f += design[i][j] * beta[j] }
      residuals[i] = resp[i] - f
    }
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
    let alphas = Array(beta[0..<nfx]).sorted()
    let a0 = alphas.count % 2 == 1 ? alphas[alphas.count / 2] : (alphas[alphas.count / 2 - 1] + alphas[alphas.count / 2]) / 2
    let shockSD = (alphas.reduce(0) { $0 + ($1 - a0) * ($1 - a0) } / Double(alphas.count)).squareRoot()
    let sortedStandardized = standardized.sorted()
    var out = [String: YearEndDistribution]()
    for (la, s) in panel {
      guard let last = s[t - 1], let m1 = mean[t - 1], let sc = scale[la], s.keys.filter({ $0 < t }).count >= Self.minimumPast else { continue }
      let prev = s[t - 2].map { last - $0 } ?? 0
      let centre = last + a0 + beta[nfx] * (last - m1) + beta[nfx + 1] * prev
      out[la] = .mixture(centre: centre, shockSD: shockSD, scale: sc, standardized: sortedStandardized)
    }
    return out
  }
}
