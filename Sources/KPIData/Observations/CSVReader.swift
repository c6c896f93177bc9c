import Foundation

/// A minimal RFC 4180 reader that keeps the 1-based line number of each record (for error
/// messages). Quoted fields may hold commas, doubled quotes and newlines; CRLF and a UTF-8 BOM
/// are accepted; a delimiter other than the comma may be given (tab for scorecard exports).
/// Written here rather than taken from SwiftCSV because errors must name rows exactly.
public struct CSVReader: Sendable {
  public struct Record: Sendable, Equatable {
    /// Line of the file where the record starts (1-based).
    public var line: Int
    public var fields: [String]
  }

  public var delimiter: Character

  public init(delimiter: Character = ",") { self.delimiter = delimiter }

  /// Reads a file's bytes as UTF-8 (rejecting invalid bytes with their offset) and parses it.
  /// The path `-` reads standard input.
  public func read(path: String) throws -> [Record] {
    try parse(data: InputFile.read(path: path), file: InputFile.displayName(path))
  }

  /// Decodes UTF-8 (naming the line and byte offset of the first invalid byte) and parses.
  public func parse(data: Data, file: String) throws -> [Record] {
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      // Find the first invalid byte to say where.
      var offset = 0, line = 1
      var it = bytes.makeIterator()
      var decoder = UTF8()
      var good = 0
      loop: while true {
        switch decoder.decode(&it) {
        case .scalarValue(let u):
          good += String(u).utf8.count
          if u == "\n" { line += 1 }
        case .emptyInput: break loop
        case .error: offset = good; break loop
        }
      }
      throw DataError.notUTF8(file: file, row: line, byteOffset: offset)
    }
    if let nul = bytes.firstIndex(of: 0) {
      throw DataError.invalid(InputLocation(file: file, row: 1 + bytes[..<nul].filter { $0 == 10 }.count),
                              message: "a NUL byte at byte offset \(nul); this is not a text CSV file (export it again as CSV, UTF-8)")
    }
    return try parse(text: text, file: file)
  }

  /// Parses text into records. Blank lines are skipped.
  public func parse(text: String, file: String) throws -> [Record] {
    var records = [Record]()
    var fields = [String]()
    var field = [UInt8]()
    var inQuotes = false
    var line = 1
    var recordLine = 1
    var fieldStarted = false
    let d = delimiter.asciiValue ?? UInt8(ascii: ",")
    let utf8 = Array(text.utf8)
    var i = 0
    func endField() { fields.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true); fieldStarted = false }
    func endRecord() {
      endField()
      if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
      fields.removeAll(keepingCapacity: true)
    }
    while i < utf8.count {
      let c = utf8[i]
      if inQuotes {
        if c == UInt8(ascii: "\"") {
          if i + 1 < utf8.count && utf8[i + 1] == UInt8(ascii: "\"") { field.append(c); i += 2; continue }
          inQuotes = false
        } else {
          if c == UInt8(ascii: "\n") { line += 1 }
          field.append(c)
        }
        i += 1
        continue
      }
      switch c {
      case UInt8(ascii: "\""):
        if !fieldStarted && field.isEmpty { inQuotes = true; fieldStarted = true } else { field.append(c) }
      case d:
        endField()
      case UInt8(ascii: "\r"):
        if i + 1 < utf8.count && utf8[i + 1] == UInt8(ascii: "\n") { break }
        endRecord(); line += 1; recordLine = line
      case UInt8(ascii: "\n"):
        endRecord(); line += 1; recordLine = line
      default:
        field.append(c); fieldStarted = true
      }
      i += 1
    }
    if inQuotes { throw DataError.unterminatedQuote(file: file, row: recordLine) }
    if !field.isEmpty || !fields.isEmpty { endRecord() }
    return records
  }
}
