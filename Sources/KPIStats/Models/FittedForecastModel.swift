

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
  /// Correlation of the forecast errors of steps 1 … horizon as the fitted model implies
  /// (row-major horizon × horizon, unit diagonal): how a path's steps move together, so sums
  /// over periods are read from joint paths (``PathSampler``), never as independent steps.
  func errorCorrelation(horizon: Int) -> [Double]
}

extension FittedForecastModel {
  /// Residuals y − fitted for the observed positions (NaN elsewhere).
  public func residuals(of series: SeriesInput) -> [Double] {
    zip(series.values, fitted).map { $0 - $1 }
  }
}
