/// The "Making Data Count" variation icon: what the latest point says.
public enum SPCVariation: String, Sendable, Codable, Equatable {
  case commonCause = "common_cause"
  case improvementHigh = "improvement_high"
  case improvementLow = "improvement_low"
  case concernHigh = "concern_high"
  case concernLow = "concern_low"
  case neutralHigh = "neutral_high"
  case neutralLow = "neutral_low"
}

/// The "Making Data Count" assurance icon: whether the latest limits say the target will be met
/// every time, missed every time, or sometimes either (`ptd_calculate_assurance_type`).
public enum SPCAssurance: String, Sendable, Codable, Equatable {
  case consistentPass = "consistent_pass"
  case consistentFail = "consistent_fail"
  case inconsistent
}
