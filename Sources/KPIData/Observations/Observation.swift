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

/// Which direction is good.
public enum Polarity: String, Sendable, Codable, Equatable, Hashable {
  case bigger, smaller, plan
}

/// One row of tidy input: an indicator's value at a period (DESIGN §3).
public struct Observation: Sendable, Equatable {
  public var indicator: String
  /// `nil` = the authority itself.
  public var geography: String?
  public var period: Period
  /// The notation's frequency hint, kept for frequency inference.
  public var impliedFrequency: Frequency?
  /// `nil` = missing (a gap).
  public var value: Double?
  public var status: String?
  public var unit: KPIUnit?
  public var polarity: Polarity?
  /// Line in the source file (1-based), for messages.
  public var row: Int
  /// Columns the reader does not use, kept by name.
  public var extra: [String: String]
  /// The value cell's text when it was read as missing (`x`, `NaN`, `-` …); nil for an empty cell or a number.
  public var missingText: String?

  public init(indicator: String, geography: String? = nil, period: Period, impliedFrequency: Frequency? = nil, value: Double?,
              status: String? = nil, unit: KPIUnit? = nil, polarity: Polarity? = nil, row: Int = 0, extra: [String: String] = [:],
              missingText: String? = nil) {
    self.indicator = indicator
    self.geography = geography
    self.period = period
    self.impliedFrequency = impliedFrequency
    self.value = value
    self.status = status
    self.unit = unit
    self.polarity = polarity
    self.row = row
    self.extra = extra
    self.missingText = missingText
  }
}

/// A parsed observations file.
public struct ObservationSet: Sendable {
  public var file: String
  public var observations: [Observation]
  /// Whether the input had a `geography` column (then output carries one too).
  public var hasGeography: Bool
  /// Names of the extra columns, in file order.
  public var extraColumns: [String]
}
