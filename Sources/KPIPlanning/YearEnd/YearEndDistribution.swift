import Foundation
import KPIStats

/// The distribution of a year-end outturn: either an exact affine map of one forecast step's
/// distribution (Y = shift + scale·X, scale > 0 — the March value, or a year-to-date total with
/// one quarter left) or a sorted Monte Carlo sample (a sum over several forecast steps).
public enum YearEndDistribution: PredictiveDistribution, Equatable {
  case affine(ForecastDistribution, shift: Double, scale: Double)
  case sample(sorted: [Double])
  /// The pooled annual model's predictive distribution (``PooledAnnualModel``):
  /// Y = centre + shockSD·T + scale·E, T the common year shock (Student-t with `shockDF` degrees
  /// of freedom; `.infinity` = standard normal), E uniform over the standardised pooled residuals,
  /// **sorted ascending** (build it with ``pooled(centre:shockSD:shockDF:scale:residuals:)``).
  case mixture(centre: Double, shockSD: Double, shockDF: Double, scale: Double, standardized: [Double])

  /// A pooled-model mixture; sorts the residuals (with a normal shock the CDF only evaluates Φ for
  /// residuals within 8.3 sd of the point, the rest count as 0 or 1 to within 1e-16).
  public static func pooled(centre: Double, shockSD: Double, shockDF: Double = .infinity, scale: Double, residuals: [Double]) -> YearEndDistribution {
    .mixture(centre: centre, shockSD: shockSD, shockDF: shockDF, scale: scale, standardized: residuals.filter(\.isFinite).sorted())
  }

  /// Mixture CDF and density at y: F = mean G((y − c − s·e)/sd), f = mean g(…)/sd with G, g the
  /// shock's CDF and density (normal, or Student-t with `df`); for the normal, using that `e` is
  /// sorted, residuals with z > 8.3 add 1 to F and those with z < −8.3 add 0.
  static func mixtureCDFAndDensity(_ y: Double, c: Double, sd: Double, df: Double, scale: Double, e: [Double]) -> (Double, Double) {
    let n = e.count
    guard n > 0 else { return (.nan, .nan) }
    if sd <= 0 || scale <= 0 {
      var count = 0
      for ej in e where c + scale * ej <= y { count += 1 }
      return (Double(count) / Double(n), 0)
    }
    if df.isFinite {
      // Student-t shock: heavy tails, so every residual is evaluated.
      let logNorm = lgamma((df + 1) / 2) - lgamma(df / 2) - 0.5 * Foundation.log(df * Double.pi)
      // A whole df (the pooled model's n − 1) uses the finite series (absolute accuracy suffices
      // for the average); others the continued fraction.
      let whole = df == df.rounded() && df <= 1000 ? Int(df) : nil
      var total = 0.0, dens = 0.0
      for ej in e {
        let z = (y - c - scale * ej) / sd
        total += whole.map { SpecialFunctions.studentTCDFAbsolute(z, df: $0) } ?? SpecialFunctions.studentTCDF(z, df: df)
        dens += Foundation.exp(logNorm - (df + 1) / 2 * Foundation.log1p(z * z / df))
      }
      return (total / Double(n), dens / (Double(n) * sd))
    }
    let cut = 8.3 * sd / scale
    let t = (y - c) / scale   // z_j = (t − e_j)·scale/sd
    // First index with e_j ≥ t − cut (below it z > 8.3), first with e_j > t + cut (from it z < −8.3).
    func lowerBound(_ v: Double) -> Int {
      var lo = 0, hi = n
      while lo < hi { let mid = (lo + hi) / 2; if e[mid] < v { lo = mid + 1 } else { hi = mid } }
      return lo
    }
    let a = lowerBound(t - cut), b = max(a, lowerBound(t + cut.nextUp))
    var total = Double(a), dens = 0.0
    let norm = 1 / (2 * Double.pi).squareRoot()
    for j in a..<b {
      let z = (y - c - scale * e[j]) / sd
      total += SpecialFunctions.normalCDF(z)
      dens += norm * Foundation.exp(-0.5 * z * z)
    }
    return (total / Double(n), dens / (Double(n) * sd))
  }

  /// A sample distribution from unsorted draws (non-finite draws discarded).
  public static func sample(_ draws: [Double]) -> YearEndDistribution {
    .sample(sorted: draws.filter(\.isFinite).sorted())
  }

  /// P(Y ≤ y).
  public func cdf(_ y: Double) -> Double {
    switch self {
    case .affine(let d, let shift, let scale): return d.cdf((y - shift) / scale)
    case .sample(let s):
      guard !s.isEmpty else { return .nan }
      var lo = 0, hi = s.count
      while lo < hi { let mid = (lo + hi) / 2; if s[mid] <= y { lo = mid + 1 } else { hi = mid } }
      return Double(lo) / Double(s.count)
    case .mixture(let c, let sd, let df, let scale, let e):
      return Self.mixtureCDFAndDensity(y, c: c, sd: sd, df: df, scale: scale, e: e).0
    }
  }

  /// The p-quantile (samples: R's type 7).
  public func quantile(_ p: Double) -> Double {
    switch self {
    case .affine(let d, let shift, let scale): return shift + scale * d.quantile(p)
    case .sample(let s): return Distribution.empirical(sortedSamples: s).quantile(p)
    case .mixture(let c, let sd, let df, let scale, let e):
      // Safeguarded Newton on the CDF (bisection whenever a step leaves the bracket); the
      // same root as scripts/calibrate_targets.py's bisection, to ~1e-10 relative.
      guard let mn = e.first, let mx = e.last, p > 0, p < 1 else { return p <= 0 ? -.infinity : .infinity }
      var lo = c + scale * mn - 10 * sd - 1e-9, hi = c + scale * mx + 10 * sd + 1e-9
      // A heavy-tailed shock may put the quantile beyond ±10 sd: widen the bracket (as the script does).
      var widen = 0
      while sd > 0, widen < 60, cdf(lo) >= p { lo -= 10 * sd * Double(1 << min(widen, 30)); widen += 1 }
      widen = 0
      while sd > 0, widen < 60, cdf(hi) < p { hi += 10 * sd * Double(1 << min(widen, 30)); widen += 1 }
      guard sd > 0 else {
        for _ in 0..<200 {
          let mid = 0.5 * (lo + hi)
          if cdf(mid) < p { lo = mid } else { hi = mid }
          if hi - lo <= 1e-10 * max(1, abs(mid)) { break }
        }
        return 0.5 * (lo + hi)
      }
      var x = c + scale * Distribution.empirical(sortedSamples: e).quantile(p)
      for _ in 0..<200 {
        var (f, dens) = Self.mixtureCDFAndDensity(x, c: c, sd: sd, df: df, scale: scale, e: e)
        f -= p
        if f < 0 { lo = x } else { hi = x }
        var next = dens > 0 ? x - f / dens : .nan
        if !(next > lo && next < hi) { next = 0.5 * (lo + hi) }
        if abs(next - x) <= 1e-12 * max(1, abs(x)) || hi - lo <= 1e-12 * max(1, abs(x)) { return next }
        x = next
      }
      return x
    }
  }

  /// The point forecast: the forecast step's point (mean, or back-transformed median) mapped
  /// through the affine map; for samples the median.
  public var point: Double {
    switch self {
    case .affine(let d, let shift, let scale): return shift + scale * d.point
    case .sample, .mixture: return quantile(0.5)
    }
  }
}
