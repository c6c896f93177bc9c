

/// Unit of an indicator: decides bounds and the default transform.
public enum KPIUnit: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
  /// 0–100, bounded.
  case percent
  /// Non-negative whole numbers.
  case count
  /// Non-negative rate (per 10,000 children, per 1,000 pupils …).
  case rate
  /// Days (non-negative).
  case days
  /// Anything else, unbounded (e.g. signed attainment gaps).
  case number

  /// Natural bounds of the unit (nil = unbounded on that side).
  public var defaultBounds: (lower: Double?, upper: Double?) {
    switch self {
    case .percent: return (0, 100)
    case .count, .rate, .days: return (0, nil)
    case .number: return (nil, nil)
    }
  }

  /// Suffix shown after values in tables.
  public var symbol: String {
    switch self { case .percent: "%"; case .count: ""; case .rate: ""; case .days: " days"; case .number: "" }
  }
}
