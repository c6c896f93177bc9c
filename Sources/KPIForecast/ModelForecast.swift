import KPIStats

/// A forecast on the model scale: centre and analytic spread per step, the distributions to
/// report (analytic, calibrated or floored) and how the steps' errors move together.
public struct ModelForecast: Sendable {
  public var label: String
  public var warnings: [String]
  public var mean: [Double]
  /// Analytic standard deviation per step (the scale calibrated errors are measured in).
  public var sd: [Double]
  public var distributions: [Distribution]
  /// Error correlation of the steps (row-major steps × steps), as the fitted model implies.
  public var correlation: [Double]
  /// `analytic` or a description of the calibration used.
  public var intervals: String
}

extension Distribution {
  /// The 50% quantile (the mean for the symmetric analytic forms).
  var median: Double {
    switch self {
    case .normal(let m, _): return m
    case .studentT(let l, _, _): return l
    case .empirical, .affineEmpirical: return quantile(0.5)
    }
  }
  /// A scale for standardising errors: the sd, or the t scale·√(df/(df−2)) capped for small df.
  var spread: Double {
    switch self {
    case .normal(_, let sd): return sd
    case .studentT(_, let s, let df): return df > 2 ? s * (df / (df - 2)).squareRoot() : s * 3
    case .empirical, .affineEmpirical: return (quantile(0.8413447460685429) - quantile(0.15865525393145707)) / 2
    }
  }
}
