

/// Where a piece of input came from: file, 1-based row (line of the file) and column name.
public struct InputLocation: Sendable, Equatable, CustomStringConvertible {
  public var file: String
  public var row: Int?
  public var column: String?

  public init(file: String, row: Int? = nil, column: String? = nil) {
    self.file = file
    self.row = row
    self.column = column
  }

  public var description: String {
    var s = file
    if let row { s += ", row \(row)" }
    if let column { s += ", column '\(column)'" }
    return s
  }
}
