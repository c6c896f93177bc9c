import KPIData
import KPIStats

/// Model families the command line can ask for.
public enum ModelChoice: String, Sendable, CaseIterable {
  case auto, regression, snaive, drift
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
}

public struct ForecastOptions: Sendable {
  public var model: ModelChoice
  public var transform: TransformChoice
  public var horizon: Horizon
  /// Interval levels in percent, in the order asked for.
  public var levels: [Double]
  /// Periods from which a level shift applies, for every series (catalogue shifts add to these).
  public var levelShifts: [Period]

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
public enum ForecastError: Error, Equatable, Sendable, CustomStringConvertible {
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
