import Foundation
import KPIRecord

/// Body of `POST /api/scenario`: a KPI, its effects and convergence, and optionally a target
/// (and intervention level) whose odds the room wants under the scenario.
public struct ScenarioRequest: Codable, Sendable, Equatable {
  public var indicator: String
  public var name: String?
  public var effects: [ScenarioSpec.Effect]?
  public var convergence: [ScenarioSpec.Convergence]?
  public var target: Double?
  public var interventionLevel: Double?

  enum CodingKeys: String, CodingKey {
    case indicator, name, effects, convergence, target
    case interventionLevel = "intervention_level"
  }

  /// The scenario part, as the record keeps it.
  public var scenarioSpec: ScenarioSpec { ScenarioSpec(name: name, effects: effects ?? [], convergence: convergence ?? []) }
}
