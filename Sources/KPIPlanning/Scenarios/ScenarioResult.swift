import Foundation
import KPIData
import KPIForecast

/// One indicator under one scenario, beside the baseline.
public struct ScenarioResult: Sendable {
  public var key: SeriesKey
  public var unit: KPIUnit
  public var scenario: String
  public var yearEnd: Period
  public var distribution: YearEndDistribution
  public var thresholds: Thresholds?
  public var baselinePoint: Double
  public var baselineProbability: Double?
  /// What the scenario did to this indicator, in words.
  public var applied: String

  public var point: Double { distribution.point }
  public var probabilityOfMeetingTarget: Double? { thresholds?.probabilityOfMeeting(cdf: distribution.cdf) }
  public var status: ForecastStatus? { thresholds?.status(of: point) }
  public var differenceFromBaseline: Double { point - baselinePoint }
}
