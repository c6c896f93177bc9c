/// A univariate distribution on the model's (transformed) scale.
///
/// An enum rather than a protocol: a few real cases, stored side by side in forecast arrays.
public enum Distribution: Sendable, Equatable {
  /// Normal(mean, sd). sd = 0 is allowed and behaves as a point mass.
  case normal(mean: Double, sd: Double)
  /// Location–scale Student-t: location + scale·T(df).
  case studentT(location: Double, scale: Double, df: Double)
  /// Sample-based (e.g. simulation, or calibrated errors); samples sorted ascending.
  case empirical(sortedSamples: [Double])
  /// location + scale·Z, Z the sample distribution `standardSorted` (sorted ascending, scale > 0):
  /// a calibrated band stored as two numbers and one array shared by every step of a batch.
  case affineEmpirical(location: Double, scale: Double, standardSorted: [Double])

  /// Builds an empirical distribution, sorting and discarding non-finite samples.
  public static func empirical(_ samples: [Double]) -> Distribution {
    .empirical(sortedSamples: samples.filter(\.isFinite).sorted())
  }

  public var mean: Double {
    switch self {
    case .normal(let m, _): return m
    case .studentT(let l, _, _): return l
    case .empirical(let s): return s.isEmpty ? .nan : s.reduce(0, +) / Double(s.count)
    case .affineEmpirical(let l, let sc, let z): return l + sc * Distribution.empirical(sortedSamples: z).mean
    }
  }

  /// Standard deviation (∞ for t with df ≤ 2).
  public var standardDeviation: Double {
    switch self {
    case .normal(_, let sd): return sd
    case .studentT(_, let s, let df): return df > 2 ? s * (df / (df - 2)).squareRoot() : .infinity
    case .empirical(let s):
      guard s.count > 1 else { return 0 }
      let m = mean
      return (s.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(s.count - 1)).squareRoot()
    case .affineEmpirical(_, let sc, let z): return sc * Distribution.empirical(sortedSamples: z).standardDeviation
    }
  }

  /// The p-quantile. Empirical quantiles use R's type 7 (linear interpolation).
  public func quantile(_ p: Double) -> Double {
    switch self {
    case .normal(let m, let sd):
      return sd == 0 ? m : m + sd * SpecialFunctions.normalQuantile(p)
    case .studentT(let l, let s, let df):
      return s == 0 ? l : l + s * StudentTQuantileCache.quantile(p, df: df)
    case .empirical(let s):
      return SampleQuantile.type7(sorted: s, p)
    case .affineEmpirical(let l, let sc, let z):
      return l + sc * SampleQuantile.type7(sorted: z, p)
    }
  }

  /// P(X ≤ x); for empirical distributions the exact inverse of the type-7 quantile
  /// (piecewise linear between the sorted values), so cdf(quantile(p)) = p.
  public func cdf(_ x: Double) -> Double {
    switch self {
    case .normal(let m, let sd):
      if sd == 0 { return x >= m ? 1 : 0 }
      return SpecialFunctions.normalCDF((x - m) / sd)
    case .studentT(let l, let s, let df):
      if s == 0 { return x >= l ? 1 : 0 }
      return SpecialFunctions.studentTCDF((x - l) / s, df: df)
    case .empirical(let s):
      return SampleQuantile.type7CDF(sorted: s, x)
    case .affineEmpirical(let l, let sc, let z):
      return sc > 0 ? SampleQuantile.type7CDF(sorted: z, (x - l) / sc) : (x >= l ? 1 : 0)
    }
  }
}
