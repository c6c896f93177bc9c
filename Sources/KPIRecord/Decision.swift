import Foundation
import GRDB

/// A target and intervention level the workshop agreed for one KPI and financial year, with who
/// agreed it, why, and the scenario on screen at the time.
public struct Decision: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "decision"

  public var id: Int64?
  public var indicator: String
  /// Financial year label, e.g. `2025/26`.
  public var year: String
  public var target: Double
  public var interventionLevel: Double?
  public var rationale: String
  public var agreedBy: String
  /// Canonical JSON of the scenario on screen ("" = baseline); see ``ScenarioSpec/canonicalText``.
  public var scenario: String
  /// ISO 8601 UTC time the decision was written.
  public var recordedAt: String

  public init(id: Int64? = nil, indicator: String, year: String, target: Double, interventionLevel: Double?, rationale: String,
              agreedBy: String, scenario: String, recordedAt: String) {
    self.id = id
    self.indicator = indicator
    self.year = year
    self.target = target
    self.interventionLevel = interventionLevel
    self.rationale = rationale
    self.agreedBy = agreedBy
    self.scenario = scenario
    self.recordedAt = recordedAt
  }

  enum CodingKeys: String, CodingKey {
    case id, indicator, year, target, rationale, scenario
    case interventionLevel = "intervention_level"
    case agreedBy = "agreed_by"
    case recordedAt = "recorded_at"
  }

  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
