

/// Which direction is good.
public enum Polarity: String, Sendable, Codable, Equatable, Hashable {
  case bigger, smaller, plan
}
