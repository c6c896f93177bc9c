/// A series handed to a model: values on the model (already transformed) scale, equally spaced,
/// with `NaN` for a missing period.
public struct SeriesInput: Sendable, Equatable {
  /// Values in time order; `.nan` marks a gap.
  public var values: [Double]
  /// Seasonal period m (4 quarterly, 12 monthly, 1 none).
  public var period: Int
  /// Season (0 ..< period) of `values[0]`; season 0 is the baseline level of seasonal dummies.
  public var firstSeason: Int

  public init(values: [Double], period: Int, firstSeason: Int = 0) {
    self.values = values
    self.period = max(period, 1)
    self.firstSeason = ((firstSeason % self.period) + self.period) % self.period
  }

  /// Number of observed (non-missing) values.
  public var observedCount: Int { values.reduce(0) { $1.isNaN ? $0 : $0 + 1 } }
  /// Season of position `t` (0-based, may run past the end for forecasts).
  public func season(at t: Int) -> Int { (firstSeason + t) % period }
}

/// Why a model could not be fitted at all (a simpler model is the caller's fallback).
public enum ModelError: Error, Equatable, Sendable, CustomStringConvertible {
  case noObservations
  case tooFewObservations(needed: Int, have: Int)
  case failed(String)

  public var description: String {
    switch self {
    case .noObservations: return "no observations"
    case .tooFewObservations(let n, let h): return "needs \(n) observations, has \(h)"
    case .failed(let s): return s
    }
  }
}

/// A model specification (fable's `ETS()`, statsforecast's model classes): fitting it to a
/// series gives a fitted model. Specifications are small value types.
public protocol ForecastModel: Sendable {
  associatedtype Fitted: FittedForecastModel
  /// Fits to `series`. Throws `ModelError` when the model cannot be estimated at all; simpler
  /// forms the model falls back to itself are reported through `Fitted.warnings`.
  func fit(_ series: SeriesInput) throws -> Fitted
}

/// A fitted model: it knows its own description and forecasts distributions on the model scale.
public protocol FittedForecastModel: Sendable {
  /// Short description of the model as fitted, e.g. `regression(trend+season)`.
  var label: String { get }
  /// Plain-English notes on simplifications made while fitting (carried into output).
  var warnings: [String] { get }
  /// In-sample one-step fitted values (NaN where the value was missing or not fitted).
  var fitted: [Double] { get }
  /// Forecast distributions for steps 1 ... horizon after the last position of the series.
  func forecast(horizon: Int) -> [Distribution]
}

extension FittedForecastModel {
  /// Residuals y − fitted for the observed positions (NaN elsewhere).
  public func residuals(of series: SeriesInput) -> [Double] {
    zip(series.values, fitted).map { $0 - $1 }
  }
}
