import Foundation
import KPIStats

/// A series ready for modelling: values on the model scale, the transform that put them there,
/// and what the catalogue or pooling adds (seasonal prior, level shifts).
public struct ModelInput: Sendable {
  public var input: SeriesInput
  public var transform: Transform
  public var seasonalPrior: SeasonalPrior?
  public var levelShifts: [Int]
  /// When set, the ETS family re-estimates this fit's form, starting from its estimates, instead
  /// of selecting a form by AICc (used at inner rolling origins: the form chosen on all the data,
  /// its parameters re-estimated on the shorter series).
  public var etsStart: ETSFit?

  public init(input: SeriesInput, transform: Transform = .none, seasonalPrior: SeasonalPrior? = nil, levelShifts: [Int] = []) {
    self.input = input
    self.transform = transform
    self.seasonalPrior = seasonalPrior
    self.levelShifts = levelShifts
  }

  /// The same series cut to its first `count` values (for rolling origins).
  func prefix(_ count: Int) -> ModelInput {
    var c = self
    c.input = SeriesInput(values: Array(input.values.prefix(count)), period: input.period, firstSeason: input.firstSeason)
    c.levelShifts = levelShifts.filter { $0 < count }
    return c
  }
}

/// The single model families `--model` can name (auto combines several of them).
public enum ModelFamily: String, CaseIterable, Sendable {
  case snaive, drift, regression, theta, thetaOptimised = "theta-opt"
  /// Regression without trend: level + seasonal effects (+ shifts, prior) — the short-series form.
  case seasonalLevel = "seasonal-level"
  /// Seasonal naive with the seasonal shape averaged over all cycles (``AveragedSeasonalNaive``).
  case averagedSeasonalNaive = "snaive-avg"
  /// Exponential smoothing, form chosen by AICc among R `ets()`'s candidates (``ETSSelection``).
  case ets

  /// Fits the family to a series.
  public func fit(_ m: ModelInput) throws -> any FittedForecastModel {
    switch self {
    case .snaive: return try SeasonalNaive().fit(m.input)
    case .drift: return try Drift().fit(m.input)
    case .regression: return try SeasonalRegression(levelShifts: m.levelShifts, seasonalPrior: m.seasonalPrior).fit(m.input)
    case .seasonalLevel:
      return try SeasonalRegression(trend: false, levelShifts: m.levelShifts, seasonalPrior: m.seasonalPrior).fit(m.input)
    case .averagedSeasonalNaive: return try AveragedSeasonalNaive(seasonalPrior: m.seasonalPrior).fit(m.input)
    case .ets:
      if let start = m.etsStart, let fit = try? ETS(start.model).fit(m.input, warmStart: start) { return fit }
      // On a transformed scale only additive forms, as R's ets() with lambda (additive.only).
      let additiveOnly = m.transform != .none ? Set(ETSModelType.candidates(seasonal: true, positive: false)) : nil
      return try ETSSelection(allowed: additiveOnly).fit(m.input)
    case .theta: return try Theta(decomposition: m.transform != .none ? .additive : .automatic).fit(m.input)
    case .thetaOptimised:
      return try Theta(method: .optimised, decomposition: m.transform != .none ? .additive : .automatic).fit(m.input)
    }
  }
}

/// A forecast path on the model scale: centre and analytic spread per step, and the
/// distributions to report (analytic or calibrated).
public struct ModelForecast: Sendable {
  public var label: String
  public var warnings: [String]
  public var mean: [Double]
  /// Analytic standard deviation per step (the scale calibrated errors are measured in).
  public var sd: [Double]
  public var distributions: [Distribution]
  /// `analytic` or a description of the calibration used.
  public var intervals: String
  /// The ETS fit used (alone or as an auto member), for re-fitting at inner origins.
  public var etsFit: ETSFit? = nil
}

/// How `auto` forecasts a series: within a family by the family's own rule (AICc for ETS, the
/// ACF test for Theta's seasonality), across families by the median of the members' point
/// forecasts (robust to one bad member; Petropoulos & Svetunkov 2020, the M4 "SHD" and
/// median-combination results), with spread the members' mean analytic sd, then calibrated
/// from rolling-origin errors (see ``IntervalCalibration``).
public struct AutoConfiguration: Sendable {
  public var members: [ModelFamily]
  /// Members used when the series is short (fewer than `shortLength` observations).
  public var shortMembers: [ModelFamily]
  public var shortLength: Int
  public var combination: Combination

  public enum Combination: String, Sendable { case median, mean }

  public init(members: [ModelFamily] = [.ets, .theta, .snaive],
              shortMembers: [ModelFamily] = [.snaive, .averagedSeasonalNaive, .theta], shortLength: Int = 13,
              combination: Combination = .median) {
    self.members = members
    self.shortMembers = shortMembers
    self.shortLength = shortLength
    self.combination = combination
  }
}

public enum ModelSelection {
  /// Forecasts `horizon` steps with one family, analytic intervals.
  public static func forecast(_ family: ModelFamily, _ m: ModelInput, horizon: Int) throws -> ModelForecast {
    let f = try family.fit(m)
    let d = f.forecast(horizon: horizon)
    return ModelForecast(label: f.label, warnings: f.warnings, mean: d.map(\.median), sd: d.map(\.spread),
                         distributions: d, intervals: "analytic", etsFit: f as? ETSFit)
  }

  /// The auto combination with analytic (uncalibrated) spread. Members that fail are left out
  /// and named; if all fail, seasonal naive is used.
  public static func autoForecast(_ m: ModelInput, horizon: Int, configuration c: AutoConfiguration = AutoConfiguration()) throws -> ModelForecast {
    if !usesCombination(m) {
      // Interventions, a constant series, or one cycle or less: the regression with the
      // catalogue prior, keeping 3 residual df.
      let f = try fallbackRegression(input: m.input, levelShifts: m.levelShifts, seasonalPrior: m.seasonalPrior).fit(m.input)
      let d = f.forecast(horizon: horizon)
      return ModelForecast(label: f.label, warnings: f.warnings, mean: d.map(\.median), sd: d.map(\.spread), distributions: d, intervals: "analytic")
    }
    let members = m.input.observedCount < c.shortLength ? c.shortMembers : c.members
    var fits = [ModelForecast]()
    var warnings = [String]()
    for fam in members {
      do { fits.append(try forecast(fam, m, horizon: horizon)) } catch { warnings.append("\(fam.rawValue) left out of auto: \(error)") }
    }
    if fits.isEmpty { fits.append(try forecast(.snaive, m, horizon: horizon)) }
    if fits.count == 1 {
      var only = fits[0]
      only.warnings = warnings + only.warnings
      return only
    }
    var mean = [Double](repeating: 0, count: horizon), sd = mean
    var column = [Double](repeating: 0, count: fits.count)
    for h in 0..<horizon {
      for (i, f) in fits.enumerated() { column[i] = f.mean[h] }
      mean[h] = c.combination == .median ? median(&column) : column.reduce(0, +) / Double(column.count)
      sd[h] = fits.reduce(0) { $0 + $1.sd[h] } / Double(fits.count)
    }
    // No commas, so the model column stays one plain CSV field: ETS(M,Ad,M) is written ETS(MAdM).
    let label = "auto(\(c.combination.rawValue): " + fits.map { $0.label.replacingOccurrences(of: ",", with: "") }.joined(separator: " + ") + ")"
    return ModelForecast(label: label, warnings: warnings, mean: mean, sd: sd,
                         distributions: zip(mean, sd).map { .normal(mean: $0, sd: $1) }, intervals: "analytic",
                         etsFit: fits.lazy.compactMap(\.etsFit).first)
  }

  /// The regression `auto` falls back to (used by `forecast` and `backtest` alike): at least 3
  /// residual df, and no trend under two seasonal cycles, where trend and season are confounded
  /// (a trend fitted to a few quarters beside seasonal terms nearly interpolates them and gives
  /// overconfident bands).
  public static func fallbackRegression(input: SeriesInput, levelShifts: [Int], seasonalPrior: SeasonalPrior?) -> SeasonalRegression {
    let p = max(input.period, 1)
    let trend = p == 1 || input.observedCount >= 2 * p
    return SeasonalRegression(trend: trend, levelShifts: levelShifts, seasonalPrior: seasonalPrior, minimumResidualDF: 3)
  }

  /// Whether auto combines models for this series: no level shifts, not constant, and at least
  /// more than one seasonal cycle of observations, so the data carry a seasonal pattern of their
  /// own (Tourism cut to 6–7 quarters: the short members score sMAPE 15.5–15.6 where the trend
  /// regression scores 34.6–37.1). Otherwise the regression, with the catalogue's seasonal prior
  /// when there is one, is used; see ``autoForecast(_:horizon:configuration:)``.
  public static func usesCombination(_ m: ModelInput) -> Bool {
    let obs = m.input.values.filter { !$0.isNaN }
    let constant = obs.min() == obs.max()
    let m0 = max(m.input.period, 2)
    return m.levelShifts.isEmpty && !constant && obs.count > m0
  }

  /// Median of `xs` (reorders it).
  static func median(_ xs: inout [Double]) -> Double {
    xs.sort()
    let n = xs.count
    guard n > 0 else { return .nan }
    return n % 2 == 1 ? xs[n / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2
  }
}

extension Distribution {
  /// The 50% quantile (the mean for the symmetric analytic forms).
  var median: Double {
    switch self {
    case .normal(let m, _): return m
    case .studentT(let l, _, _): return l
    case .empirical: return quantile(0.5)
    }
  }
  /// A scale for standardising errors: the sd, or the t scale·√(df/(df−2)) capped for small df.
  var spread: Double {
    switch self {
    case .normal(_, let sd): return sd
    case .studentT(_, let s, let df): return df > 2 ? s * (df / (df - 2)).squareRoot() : s * 3
    case .empirical: return (quantile(0.8413447460685429) - quantile(0.15865525393145707)) / 2
    }
  }
}
