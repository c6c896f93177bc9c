import KPIData
import KPIForecast
import KPIPlanning
import KPIStats

/// One KPI of the committee pack: what the engine said about it (forecast, year-end outlook,
/// SPC chart) and what the pack shows (title, group, recent values, comparator, drafted text).
public struct PackKPI: Sendable {
  public var key: SeriesKey
  /// The title shown (the catalogue's, or the indicator id when the catalogue's is unreadable).
  public var title: String
  /// The scorecard group (service area) the KPI is shown under.
  public var group: String
  public var forecast: SeriesForecast
  public var outlook: YearEndOutlook
  public var spc: SeriesSPC
  /// Values at the pack's last five quarter-ends (nil = no value), oldest first.
  public var recent: [Double?]
  public var comparator: PackComparator?
  /// The drafted "reason for level of performance".
  public var reason: String
  /// Numbered in scorecard order from 1, for exception reports ("14) Timeliness of …").
  public var number: Int

  public var series: KPISeries { forecast.series }
  public var unit: KPIUnit { series.unit }
  /// The status symbol of the forecast (from the year-end outlook).
  public var status: ForecastStatus? { outlook.status }
  public var probabilityOfMeeting: Double? { outlook.probabilityOfMeetingTarget }

  /// An exception report is due: forecast ▲, or ● with under a 20% chance of meeting the target.
  public var needsException: Bool {
    switch status {
    case .red?: return true
    case .amber?: return (probabilityOfMeeting ?? 1) < 0.2
    default: return false
    }
  }

  /// The latest observation and its period.
  public var latest: (period: Period, value: Double)? {
    guard let i = series.values.lastIndex(where: { $0.isFinite }) else { return nil }
    return (series.period(at: i), series.values[i])
  }
}
