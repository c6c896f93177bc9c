import KPIData
import KPIStats

/// The one model vocabulary: every family, and `auto`, which combines them (see
/// ``AutoConfiguration``). `--model`, the catalogue's `model:`, backtests and benchmarks all
/// name models by these.
public enum ModelChoice: String, Sendable, CaseIterable {
  /// The default: chosen by the series' length, combined and calibrated (``AutoConfiguration``).
  case auto
  /// R's `lm(y ~ t + factor(q) [+ shifts])`, with the catalogue's seasonal prior as ridge rows.
  case regression
  /// The regression without trend: level + seasonal effects (+ shifts, prior).
  case seasonalLevel = "seasonal-level"
  /// Seasonal naive (R `snaive`).
  case snaive
  /// Seasonal naive with the seasonal shape averaged over all cycles (``AveragedSeasonalNaive``).
  case snaiveAvg = "snaive-avg"
  /// The last value (R `naive`), with the catalogue's seasonal shape when it has one.
  case naive
  /// Random walk with drift (R `rwf(drift = TRUE)`).
  case drift
  /// Exponential smoothing, form chosen by AICc among R `ets()`'s candidates.
  case ets
  /// Theta on seasonally adjusted data (R `thetaf`).
  case theta
  /// Theta with θ estimated (the optimised Theta method).
  case thetaOpt = "theta-opt"
}

/// Transform asked for: `auto` picks by unit (see ``TransformPolicy``).
public enum TransformChoice: String, Sendable, CaseIterable {
  case auto, none, log, log1p, logit, sqrt
}

/// How far ahead to forecast.
public enum Horizon: Sendable, Equatable {
  /// A fixed number of periods.
  case steps(Int)
  /// Through the next March after each series' last period (the financial year-end).
  case toYearEnd
  /// Through March of the given year (the financial year `year−1`/`year`) for every series.
  case throughMarch(year: Int)
  /// Through the March `count` financial years after each series' last observation (1 = `toYearEnd`).
  case yearEnds(Int)
}

public struct ForecastOptions: Sendable {
  public var model: ModelChoice
  public var transform: TransformChoice
  public var horizon: Horizon
  /// Interval levels in percent, in the order asked for.
  public var levels: [Double]
  /// Periods from which a level shift applies, for every series (catalogue shifts add to these).
  public var levelShifts: [Period]
  /// Pooled interval calibration for `auto` (``Forecaster/forecastAll`` computes it when nil).
  public var calibration: IntervalCalibration? = nil
  /// How `auto` chooses and combines its members.
  public var auto = AutoConfiguration()
  /// Inner rolling origins per series for the interval calibration.
  public var calibrationOrigins = 3
  /// Whether `auto`'s combination intervals are calibrated (backtests of the analytic spread turn it off).
  public var calibrate = true

  public init(model: ModelChoice = .auto, transform: TransformChoice = .auto, horizon: Horizon = .toYearEnd,
              levels: [Double] = [80, 95], levelShifts: [Period] = []) {
    self.model = model
    self.transform = transform
    self.horizon = horizon
    self.levels = levels
    self.levelShifts = levelShifts
  }
}

/// Errors that stop a forecast run (the command line exits 1).
public enum ForecastError: Error, Equatable, Sendable, Hashable, CustomStringConvertible {
  case transformRefused(series: String, transform: String, period: String, value: Double)
  case badOption(String)

  public var description: String {
    switch self {
    case .transformRefused(let s, let t, let p, let v):
      let hint = t == "logit"
        ? "the value lies outside the indicator's bounds; check the unit (percent is 0–100) or use --transform none"
        : "use --transform log1p or sqrt for counts with zeros, or auto"
      return "\(s): transform '\(t)' cannot take the value \(v) at \(p); \(hint)"
    case .badOption(let s): return s
    }
  }
}
