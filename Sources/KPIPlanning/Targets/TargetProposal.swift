import Foundation
import KPIData
import KPIForecast

/// A proposed target and intervention level with its evidence and plain-English rationale.
public struct TargetProposal: Sendable {
  public var key: SeriesKey
  public var unit: KPIUnit
  /// Financial-year label of the year targeted, e.g. `2025/26`.
  public var year: String
  public var evidence: TargetEvidence
  public var proposedTarget: Double
  public var proposedInterventionLevel: Double
  public var probabilityOfMeetingTarget: Double?
  public var probabilityWorseThanIntervention: Double?
  public var rationale: String
  public var warnings: [String]

  public var baselineForecast: Double { evidence.baselinePoint }
}
