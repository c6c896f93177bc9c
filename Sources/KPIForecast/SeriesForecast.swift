import KPIData
import KPIStats

/// The forecast of one series: a distribution per future period, the model used and what was
/// simplified on the way. An empty `distributions` means no forecast could be made (see warnings).
public struct SeriesForecast: Sendable {
  public var series: KPISeries
  public var periods: [Period]
  public var distributions: [ForecastDistribution]
  /// Model description for the `model` column, e.g. `regression(level+trend+season) logit`.
  public var model: String
  public var transform: Transform
  public var warnings: [String]
}
