import Foundation
import KPIRecord

/// A recorded decision as `GET /api/decisions` gives it (the scenario as an object).
struct DecisionView: Encodable {
  var decision: Decision

  enum Keys: String, CodingKey {
    case id, indicator, year, target, rationale, scenario
    case interventionLevel = "intervention_level"
    case agreedBy = "agreed_by"
    case recordedAt = "recorded_at"
  }

  func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: Keys.self)
    try c.encodeIfPresent(decision.id, forKey: .id)
    try c.encode(decision.indicator, forKey: .indicator)
    try c.encode(decision.year, forKey: .year)
    try c.encode(decision.target, forKey: .target)
    try c.encode(decision.interventionLevel, forKey: .interventionLevel)
    try c.encode(decision.rationale, forKey: .rationale)
    try c.encode(decision.agreedBy, forKey: .agreedBy)
    try c.encode(ScenarioSpec.parse(decision.scenario), forKey: .scenario)
    try c.encode(decision.recordedAt, forKey: .recordedAt)
  }
}
