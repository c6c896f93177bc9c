

/// Input and data errors. Each names where (file, row, column) and what (the offending text),
/// and says what to do; the command line maps every case to exit code 1.
public enum DataError: Error, Equatable, Sendable, CustomStringConvertible {
  case unreadableFile(file: String, reason: String)
  case notUTF8(file: String, row: Int, byteOffset: Int)
  case emptyFile(file: String)
  case missingColumn(file: String, column: String, header: [String])
  case unparsablePeriod(InputLocation, text: String)
  case unparsableValue(InputLocation, text: String)
  case emptyField(InputLocation)
  case duplicateObservation(InputLocation, firstRow: Int, key: String)
  case unterminatedQuote(file: String, row: Int)
  case wrongFieldCount(file: String, row: Int, expected: Int, found: Int)
  case invalid(InputLocation, message: String)
  /// A header and no data rows.
  case noDataRows(file: String)
  /// A configuration (YAML) file's problem at a line: `scenarios.yaml line 4: unknown key 'rmap' …`.
  case configuration(file: String, line: Int?, message: String)

  public var description: String {
    switch self {
    case .unreadableFile(let f, let r): return "\(f): cannot read file: \(r)"
    case .notUTF8(let f, let row, let off): return "\(f), row \(row): bytes at offset \(off) are not valid UTF-8; save the file as UTF-8"
    case .emptyFile(let f): return "\(f): the file is empty; expected a header row such as 'indicator,period,value'"
    case .missingColumn(let f, let c, let h):
      return "\(f), row 1: required column '\(c)' is missing (header has: \(h.joined(separator: ", ")))"
    case .unparsablePeriod(let loc, let t):
      return "\(loc): '\(t)' is not a period; use 2022-09, 2022-Q3, 2022/23 Q2, Sep-22, 2025 or 2023/24"
    case .unparsableValue(let loc, let t):
      return "\(loc): '\(t)' is not a number; write a number such as 12.5, or leave the cell empty (or n/a) for a missing value"
    case .emptyField(let loc): return "\(loc): the cell is empty but is required"
    case .duplicateObservation(let loc, let first, let key):
      return "\(loc): duplicate observation for \(key) (first given at row \(first)); keep one row per indicator, geography and period"
    case .unterminatedQuote(let f, let row): return "\(f), row \(row): a quoted field is never closed"
    case .wrongFieldCount(let f, let row, let e, let n): return "\(f), row \(row): \(n) fields where the header has \(e)"
    case .invalid(let loc, let m): return "\(loc): \(m)"
    case .noDataRows(let f): return "\(f): no data rows (only a header); add rows such as 'neet,2024-06,4.2'"
    case .configuration(let f, let line, let m): return "\(f)\(line.map { " line \($0)" } ?? ""): \(m)"
    }
  }
}
