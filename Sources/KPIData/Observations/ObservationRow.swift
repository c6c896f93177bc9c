/// One data row held compactly (24 bytes): its series and detail as indices into the
/// ``ObservationSet``'s tables, the period as a month index, the line, and the value (NaN for
/// a missing value: the reader never reads a non-finite number).
public struct ObservationRow: Sendable, Equatable {
  /// The value; NaN = missing (a gap).
  public var value: Double
  /// Index into ``ObservationSet/seriesNames``.
  public var series: UInt32
  /// The period's ``Period/monthIndex`` (years have four digits, so it fits).
  public var month: Int32
  /// Line in the source file (1-based), for messages.
  public var line: UInt32
  /// Index into ``ObservationSet/details``.
  public var detail: UInt32

  public init(value: Double?, series: UInt32, month: Int32, line: UInt32, detail: UInt32) {
    self.value = value ?? .nan
    self.series = series
    self.month = month
    self.line = line
    self.detail = detail
  }

  /// The period.
  public var period: Period { Period(monthIndex: Int(month)) }
  /// The value, nil when missing.
  public var observedValue: Double? { value.isNaN ? nil : value }
  /// The line as an `Int`, for messages.
  public var row: Int { Int(line) }
}
