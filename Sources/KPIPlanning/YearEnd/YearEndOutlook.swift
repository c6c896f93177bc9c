import Foundation
import KPIData
import KPIForecast
import KPIStats

/// One indicator's year-end outlook: the outturn distribution under its reporting basis, the
/// target and intervention level of that financial year, the probabilities and status.
public struct YearEndOutlook: Sendable {
  public var key: SeriesKey
  public var unit: KPIUnit
  public var basis: ReportingBasis
  /// `catalogue`, or `default` (Snapshot assumed).
  public var basisSource: String
  public var aggregation: YearEndAggregation
  public var distribution: YearEndDistribution
  public var thresholds: Thresholds?
  public var model: String
  /// A drafted "reason for level of performance".
  public var reason: String
  public var warnings: [String]

  /// The observed outturn when the year is already over in the data (`year-end --year`): then
  /// the point is this value, and there is no interval and no probability to read.
  public var actual: Double?

  public var yearEnd: Period { aggregation.yearEnd }
  public var point: Double { actual ?? distribution.point }
  public func interval(level: Double) -> (lower: Double, upper: Double) { distribution.interval(level: level) }
  public var probabilityOfMeetingTarget: Double? { actual == nil ? thresholds?.probabilityOfMeeting(cdf: distribution.cdf) : nil }
  public var probabilityWorseThanIntervention: Double? {
    actual == nil ? thresholds?.probabilityWorseThanIntervention(cdf: distribution.cdf) : nil
  }
  /// Status of the point forecast (of the actual outturn for a year already over).
  public var status: ForecastStatus? { thresholds?.status(of: point) }
}
