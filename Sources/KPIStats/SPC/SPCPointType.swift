/// The NHS "Making Data Count" classification of one point of an XmR chart.
public enum SPCPointType: String, Sendable, Codable, Equatable, CaseIterable {
  case commonCause = "common_cause"
  case specialCauseImprovement = "special_cause_improvement"
  case specialCauseConcern = "special_cause_concern"
  case specialCauseNeutral = "special_cause_neutral"

  /// Whether the point is a signal (any special cause).
  public var isSpecialCause: Bool { self != .commonCause }
}
