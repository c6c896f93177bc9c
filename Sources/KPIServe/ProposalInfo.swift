import Foundation

/// The engine's proposed target and intervention level for a KPI (`kpi-forecast targets`).
public struct ProposalInfo: Codable, Sendable, Equatable {
  public var year: String
  public var target: Double?
  public var interventionLevel: Double?
  public var pMeetTarget: Double?
  public var pWorseThanIntervention: Double?
  public var rationale: String

  enum CodingKeys: String, CodingKey {
    case year, target, rationale
    case interventionLevel = "intervention_level"
    case pMeetTarget = "p_meet_target"
    case pWorseThanIntervention = "p_worse_than_intervention"
  }
}
