

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

  /// Where ``missingText`` is kept: a key no CSV header can have (input with a NUL byte is
  /// refused), so the rare missing marker costs nothing on the million rows without one.
  static let missingKey = "\u{0}missing"

  /// The value cell's text when it was read as missing (`x`, `NaN`, `-` …); nil for an empty cell or a number.
  public var missingText: String? {
    get { extra[Self.missingKey] }
    set { extra[Self.missingKey] = newValue }
  }

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
    if let missingText { self.extra[Self.missingKey] = missingText }
  }
}
