

/// Tally of the value cells of a file.
public struct CellCounts: Sendable, Equatable {
  /// Cells holding one number (asides and statuses included).
  public var numbers = 0
  /// Cells holding two numbers (`471 (62.6)`).
  public var pairs = 0
  /// Empty or known-missing cells.
  public var missing = 0
  /// Directional targets (`decrease from Q1`).
  public var directional = 0
  /// Cells that are none of these.
  public var unreadable = 0

  public init() {}

  public var total: Int { numbers + pairs + missing + directional + unreadable }
  /// Numeric values written out (a pair gives two).
  public var valuesWritten: Int { numbers + 2 * pairs }

  mutating func add(_ o: CellCounts) {
    numbers += o.numbers; pairs += o.pairs; missing += o.missing; directional += o.directional; unreadable += o.unreadable
  }
}
