/// The error, trend and seasonal forms of an exponential smoothing state space model
/// (Hyndman, Koehler, Ord & Snyder 2008, *Forecasting with Exponential Smoothing*, Table 2.1).
public enum ETSErrorType: String, Sendable, CaseIterable, Codable {
  case additive = "A"
  case multiplicative = "M"
}

/// Trend form; `multiplicative` is not offered (R `ets` default `allow.multiplicative.trend = FALSE`).
public enum ETSTrendType: String, Sendable, CaseIterable, Codable {
  case none = "N"
  case additive = "A"
}

/// Seasonal form.
public enum ETSSeasonType: String, Sendable, CaseIterable, Codable {
  case none = "N"
  case additive = "A"
  case multiplicative = "M"
}

/// One ETS model form, e.g. ETS(M,Ad,M).
public struct ETSModelType: Sendable, Hashable, Codable, CustomStringConvertible {
  public var error: ETSErrorType
  public var trend: ETSTrendType
  /// Damped trend (φ estimated in [0.8, 0.98]); only with a trend.
  public var damped: Bool
  public var season: ETSSeasonType

  /// Throws `ModelError.failed` for a damped model without a trend.
  public init(error: ETSErrorType, trend: ETSTrendType, damped: Bool = false, season: ETSSeasonType) throws {
    guard !(damped && trend == .none) else { throw ModelError.failed("ETS: a damped model needs a trend") }
    self.error = error
    self.trend = trend
    self.damped = damped
    self.season = season
  }

  init(unchecked error: ETSErrorType, _ trend: ETSTrendType, _ damped: Bool, _ season: ETSSeasonType) {
    self.error = error
    self.trend = trend
    self.damped = damped && trend != .none
    self.season = season
  }

  /// Parses R's three-letter code with optional `d`: "ANN", "AAdN", "MAM", "MAdM" (also with commas).
  public init(code: String) throws {
    let letters = Array(code.uppercased().filter { $0 != "," && $0 != "(" && $0 != ")" && $0 != " " })
    let damped = letters.count == 4 && letters[2] == "D"
    let chars = damped ? [letters[0], letters[1], letters[3]] : letters
    guard chars.count == 3, let e = ETSErrorType(rawValue: String(chars[0])),
          let t = ETSTrendType(rawValue: String(chars[1])), let s = ETSSeasonType(rawValue: String(chars[2]))
    else {
      throw ModelError.failed("unknown ETS model '\(code)': use E T S letters, e.g. ANN, AAdN, MAM (multiplicative trend is not offered)")
    }
    try self.init(error: e, trend: t, damped: damped, season: s)
  }

  /// R's label, e.g. `ETS(M,Ad,M)`.
  public var description: String {
    "ETS(\(error.rawValue),\(trend.rawValue)\(damped ? "d" : ""),\(season.rawValue))"
  }

  /// Compact code, e.g. `MAdM`.
  public var code: String { "\(error.rawValue)\(trend.rawValue)\(damped ? "d" : "")\(season.rawValue)" }

  var hasTrend: Bool { trend != .none }
  var hasSeason: Bool { season != .none }
  /// Any multiplicative component (needs strictly positive data).
  var isMultiplicative: Bool { error == .multiplicative || season == .multiplicative }
  /// R `forecast.ets` class 1: additive error, no multiplicative component (linear, Gaussian forecasts).
  var isLinear: Bool { error == .additive && season != .multiplicative }

  /// The candidates R `ets(model = "ZZZ")` tries, in R's loop order (error, trend, season, damped
  /// first), after its default restrictions: no additive error with multiplicative season, and
  /// multiplicative forms only for strictly positive data; seasonal forms only when `seasonal`.
  public static func candidates(seasonal: Bool, positive: Bool) -> [ETSModelType] {
    var out = [ETSModelType]()
    for e in ETSErrorType.allCases where e == .additive || positive {
      for t in ETSTrendType.allCases {
        for s in ETSSeasonType.allCases where s == .none || seasonal {
          if e == .additive && s == .multiplicative { continue }
          for d in [true, false] where !(d && t == .none) {
            out.append(ETSModelType(unchecked: e, t, d, s))
          }
        }
      }
    }
    return out
  }
}

/// Smoothing parameters of a fitted or given ETS model. `beta`, `gamma`, `phi` are used only by
/// models with the matching component (β for a trend, γ for a season, φ when damped; φ = 1 otherwise).
public struct ETSParameters: Sendable, Equatable, Codable {
  public var alpha: Double
  public var beta: Double
  public var gamma: Double
  public var phi: Double

  public init(alpha: Double, beta: Double = 0, gamma: Double = 0, phi: Double = 1) {
    self.alpha = alpha
    self.beta = beta
    self.gamma = gamma
    self.phi = phi
  }
}

/// Smoothing parameters held at given values instead of estimated (R `ets(y, alpha = …, beta = …,
/// gamma = …, phi = …)`); values for components the form lacks are ignored. As in R, a given α
/// caps β ≤ α and γ ≤ 1 − α for the estimated ones, a given β floors α, a given γ caps α ≤ 1 − γ.
public struct ETSFixedParameters: Sendable, Equatable, Codable {
  public var alpha: Double?
  public var beta: Double?
  public var gamma: Double?
  public var phi: Double?

  public init(alpha: Double? = nil, beta: Double? = nil, gamma: Double? = nil, phi: Double? = nil) {
    self.alpha = alpha
    self.beta = beta
    self.gamma = gamma
    self.phi = phi
  }

  /// Which smoothing parameters `model` estimates.
  func free(_ model: ETSModelType) -> (alpha: Bool, beta: Bool, gamma: Bool, phi: Bool) {
    (alpha == nil, model.hasTrend && beta == nil, model.hasSeason && gamma == nil, model.damped && phi == nil)
  }

  /// R `etsmodel`'s bound adjustments for given parameters.
  func adjusted(_ b: ETSAdmissibility.Bounds) -> ETSAdmissibility.Bounds {
    var out = b
    if let alpha {
      out.upper.beta = min(alpha, out.upper.beta)
      out.upper.gamma = min(1 - alpha, out.upper.gamma)
    }
    if let beta { out.lower.alpha = max(beta, out.lower.alpha) }
    if let gamma { out.upper.alpha = min(1 - gamma, out.upper.alpha) }
    return out
  }
}

/// States at one time point: level ℓ, trend b and the m seasonal states in the order they will
/// be used: `seasonal[0]` is the effect of the next period, `seasonal[1]` of the one after, …
/// (R's `s1 … sm` reversed; R's s1 is the newest). For initial states `seasonal[0]` belongs to
/// the first observation. Estimated additive seasonal states sum to 0, multiplicative ones to m.
public struct ETSStates: Sendable, Equatable, Codable {
  public var level: Double
  public var trend: Double
  public var seasonal: [Double]

  public init(level: Double, trend: Double = 0, seasonal: [Double] = []) {
    self.level = level
    self.trend = trend
    self.seasonal = seasonal
  }
}

/// What the optimiser minimises (R `ets(opt.crit = ...)`). Information criteria always use the
/// likelihood. R's `ses`, `holt` and `thetaf` estimate with `.mse`.
public enum ETSOptimizationCriterion: String, Sendable, CaseIterable, Codable {
  /// n·log Σε² (+ 2Σlog|μₜ| for multiplicative errors): maximum likelihood (R "lik", the default).
  case likelihood = "lik"
  /// Mean squared one-step error on the data scale (R "mse").
  case mse
  /// Mean squared innovation ε (R "sigma").
  case sigma
  /// Mean absolute innovation (R "mae").
  case mae
}
