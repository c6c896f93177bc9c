

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
