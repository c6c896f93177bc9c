import Foundation

/// The odds of a target the room is discussing.
public struct CandidateOdds: Codable, Sendable, Equatable {
  public var target: Double
  public var interventionLevel: Double?
  public var pMeetTarget: Double?
  public var pWorseThanIntervention: Double?
  public var baselinePMeetTarget: Double?

  enum CodingKeys: String, CodingKey {
    case target
    case interventionLevel = "intervention_level"
    case pMeetTarget = "p_meet_target"
    case pWorseThanIntervention = "p_worse_than_intervention"
    case baselinePMeetTarget = "baseline_p_meet_target"
  }
}
