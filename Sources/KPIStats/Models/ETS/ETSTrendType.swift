

/// Trend form; `multiplicative` is not offered (R `ets` default `allow.multiplicative.trend = FALSE`).
public enum ETSTrendType: String, Sendable, CaseIterable, Codable {
  case none = "N"
  case additive = "A"
}
