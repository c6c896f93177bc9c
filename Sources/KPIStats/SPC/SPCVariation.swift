

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
