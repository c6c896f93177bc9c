import Foundation
import KPIRecord

/// Body of `POST /api/decisions`: what the room agreed for one KPI and year, who agreed it and
/// why, and the scenario on screen.
public struct DecisionRequest: Codable, Sendable, Equatable {
  public var indicator: String
  /// Financial year, e.g. `2025/26` or `2026` (default: the KPI's proposal year).
  public var year: String?
  public var target: Double
  public var interventionLevel: Double?
  public var rationale: String
  public var agreedBy: String
  public var scenario: ScenarioSpec?

  enum CodingKeys: String, CodingKey {
    case indicator, year, target, rationale, scenario
    case interventionLevel = "intervention_level"
    case agreedBy = "agreed_by"
  }
}
