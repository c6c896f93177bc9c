

/// Seasonal form.
public enum ETSSeasonType: String, Sendable, CaseIterable, Codable {
  case none = "N"
  case additive = "A"
  case multiplicative = "M"
}
