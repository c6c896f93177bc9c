import Foundation

/// Turns a scorecard export's bytes into rows of cells with line numbers: a defined answer for
/// every input (DESIGN §2, issue 3 item 5).
///
/// - A UTF-8 byte-order mark is dropped.
/// - Bytes that are not UTF-8 are read as Windows-1252 (the usual encoding of Excel exports) and
///   the fact is reported; nothing is rejected for its encoding.
/// - Files larger than `maximumBytes` (default 64 MB; real scorecards are a few kB) are refused
///   with a data error that says so, rather than exhausting memory.
/// - Tab-separated when any line holds a tab; otherwise comma-separated (RFC 4180 quoting);
///   a file with neither is one cell per line.
public struct ScorecardText: Sendable {
  public struct Row: Sendable, Equatable {
    /// 1-based line number in the file.
    public var line: Int
    public var cells: [String]
  }

  public var rows: [Row]
  /// The decoded text (for the exception-report reader).
  public var text: String
  /// Notes about how the bytes were read (encoding fallbacks).
  public var notes: [String]
  public var delimiter: Character?

  public static let defaultMaximumBytes = 64 * 1024 * 1024

  /// Reads a file by path.
  public static func read(path: String, maximumBytes: Int = defaultMaximumBytes) throws -> ScorecardText {
    let attrs = try? FileManager.default.attributesOfItem(atPath: path)
    if let size = attrs?[.size] as? NSNumber, size.intValue > maximumBytes {
      throw DataError.invalid(InputLocation(file: path),
        message: "the file is \(size.intValue / 1_048_576) MB; scorecard exports are expected under \(maximumBytes / 1_048_576) MB — split it or check it is the right file")
    }
    return try parse(data: InputFile.read(path: path), file: InputFile.displayName(path), maximumBytes: maximumBytes)
  }

  /// Decodes and splits bytes.
  public static func parse(data: Data, file: String, maximumBytes: Int = defaultMaximumBytes) throws -> ScorecardText {
    guard data.count <= maximumBytes else {
      throw DataError.invalid(InputLocation(file: file), message: "the input is \(data.count) bytes, over the \(maximumBytes)-byte limit for a scorecard")
    }
    var bytes = [UInt8](data)
    var notes = [String]()
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      throw DataError.invalid(InputLocation(file: file), message: "the file is UTF-16; save it as UTF-8 (or Excel's 'CSV UTF-8' / 'Text (Tab delimited)')")
    }
    let text: String
    if let t = String(validating: bytes, as: UTF8.self) {
      text = t
    } else {
      let firstBad = firstInvalidUTF8Offset(bytes)
      text = windows1252(bytes)
      notes.append("bytes are not UTF-8 (first at byte offset \(firstBad)); read as Windows-1252")
    }
    let cleaned = text.utf8.contains(0) ? String(text.unicodeScalars.filter { $0 != "\u{0}" }.map(Character.init)) : text
    let hasTab = cleaned.utf8.contains(UInt8(ascii: "\t"))
    var rows = [Row]()
    if hasTab {
      var line = 0
      for s in lines(cleaned) {
        line += 1
        if s.allSatisfy({ $0 == " " }) { continue }
        rows.append(Row(line: line, cells: s.split(separator: "\t", omittingEmptySubsequences: false).map { unquote(String($0)) }))
      }
      return ScorecardText(rows: rows, text: cleaned, notes: notes, delimiter: "\t")
    }
    let hasComma = cleaned.utf8.contains(UInt8(ascii: ","))
    if hasComma, let records = try? CSVReader(delimiter: ",").parse(text: cleaned, file: file) {
      rows = records.map { Row(line: $0.line, cells: $0.fields) }
      return ScorecardText(rows: rows, text: cleaned, notes: notes, delimiter: ",")
    }
    if hasComma { notes.append("a quoted field is never closed; read line by line without quoting") }
    var line = 0
    for s in lines(cleaned) {
      line += 1
      if s.allSatisfy({ $0 == " " }) { continue }
      rows.append(Row(line: line, cells: hasComma ? s.split(separator: ",", omittingEmptySubsequences: false).map(String.init) : [String(s)]))
    }
    return ScorecardText(rows: rows, text: cleaned, notes: notes, delimiter: hasComma ? "," : nil)
  }

  /// Lines split at LF, CRLF or CR.
  static func lines(_ text: String) -> [Substring] {
    text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
  }

  static func unquote(_ s: String) -> String {
    if s.utf8.first == 34, s.utf8.last == 34, s.utf8.count >= 2 {
      return String(s.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
    }
    return s
  }

  static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
    var it = bytes.makeIterator()
    var decoder = UTF8()
    var good = 0
    while true {
      switch decoder.decode(&it) {
      case .scalarValue(let u): good += String(u).utf8.count
      case .emptyInput: return good
      case .error: return good
      }
    }
  }

  /// Windows-1252 decoding (Latin-1 with the 0x80–0x9F printable block).
  static func windows1252(_ bytes: [UInt8]) -> String {
    let high: [UInt32] = [0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD,
                          0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161,
                          0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178]
    var s = String.UnicodeScalarView()
    for b in bytes {
      let code: UInt32 = (0x80...0x9F).contains(b) ? high[Int(b) - 0x80] : UInt32(b)
      s.append(Unicode.Scalar(code) ?? "\u{FFFD}")
    }
    return String(s)
  }
}
