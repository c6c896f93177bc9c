import KPIStats

/// The distribution of a year-end outturn: either an exact affine map of one forecast step's
/// distribution (Y = shift + scale·X, scale > 0 — the March value, or a year-to-date total with
/// one quarter left) or a sorted Monte Carlo sample (a sum over several forecast steps).
public enum YearEndDistribution: Sendable, Equatable {
  case affine(ForecastDistribution, shift: Double, scale: Double)
  case sample(sorted: [Double])

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
    }
  }

  /// The p-quantile (samples: R's type 7).
  public func quantile(_ p: Double) -> Double {
    switch self {
    case .affine(let d, let shift, let scale): return shift + scale * d.quantile(p)
    case .sample(let s): return Distribution.empirical(sortedSamples: s).quantile(p)
    }
  }

  /// The point forecast: the forecast step's point (mean, or back-transformed median) mapped
  /// through the affine map; for samples the median.
  public var point: Double {
    switch self {
    case .affine(let d, let shift, let scale): return shift + scale * d.point
    case .sample: return quantile(0.5)
    }
  }

  /// Central interval at `level` percent.
  public func interval(level: Double) -> (lower: Double, upper: Double) {
    let a = (1 - level / 100) / 2
    return (quantile(a), quantile(1 - a))
  }
}
