import Foundation
import GRDB

/// One forecast as it was shown in the room: the KPI's year-end distribution summary under a
/// scenario ("" = baseline), the model, the fingerprint of the data it came from, and when.
public struct ForecastVintage: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "forecast_vintage"

  public var id: Int64?
  public var indicator: String
  /// Financial year label of the year-end, e.g. `2024/25`.
  public var year: String
  /// The year-end period (`YYYY-MM`, the March).
  public var yearEnd: String
  /// Reporting basis of the outturn (`snapshot`, `year-to-date`, …).
  public var basis: String
  public var forecast: Double
  public var lo80: Double
  public var hi80: Double
  public var lo95: Double
  public var hi95: Double
  public var target: Double?
  public var interventionLevel: Double?
  public var pMeetTarget: Double?
  public var model: String
  public var scenario: String
  public var dataFingerprint: String
  public var shownAt: String

  public init(id: Int64? = nil, indicator: String, year: String, yearEnd: String, basis: String, forecast: Double, lo80: Double, hi80: Double,
              lo95: Double, hi95: Double, target: Double?, interventionLevel: Double?, pMeetTarget: Double?, model: String,
              scenario: String, dataFingerprint: String, shownAt: String) {
    self.id = id
    self.indicator = indicator
    self.year = year
    self.yearEnd = yearEnd
    self.basis = basis
    self.forecast = forecast
    self.lo80 = lo80
    self.hi80 = hi80
    self.lo95 = lo95
    self.hi95 = hi95
    self.target = target
    self.interventionLevel = interventionLevel
    self.pMeetTarget = pMeetTarget
    self.model = model
    self.scenario = scenario
    self.dataFingerprint = dataFingerprint
    self.shownAt = shownAt
  }

  enum CodingKeys: String, CodingKey {
    case id, indicator, year, basis, forecast, lo80, hi80, lo95, hi95, target, model, scenario
    case yearEnd = "year_end"
    case interventionLevel = "intervention_level"
    case pMeetTarget = "p_meet_target"
    case dataFingerprint = "data_fingerprint"
    case shownAt = "shown_at"
  }

  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
