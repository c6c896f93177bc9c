import Foundation
import Testing
import KPITestSupport
@testable import KPIData

/// The reader's fast paths give what the general paths give: periods read from bytes, records
/// read on demand, duplicates found series by series.
@Suite struct ReaderFastPathTests {
  /// Every text of the common shapes (and near misses) parses as the general path parses it.
  @Test func periodFastPathsAgreeWithTheGeneralPath() {
    var texts = ["2022-09", "2022-13", "2022-00", "2022-Q3", "2022-q1", "2022-Q5", "2022-Q0", "2022/23 Q2", "2022/23 q4",
                 "2022/24 Q2", "2022/23 Q5", "2025", "0999", "2023/24", "2023/25", "1999/00 Q1", "1999/00", "Sep-22", "0000-01"]
    var g = SplitMix64(seed: 7)
    let alphabet = Array("0123456789-/Qq x9")
    for _ in 0..<20_000 {
      let n = [4, 7, 10][Int(g.next() % 3)]
      texts.append(String((0..<n).map { _ in alphabet[Int(g.next() % UInt64(alphabet.count))] }))
      let y = 1990 + Int(g.next() % 40), q = Int(g.next() % 6), m = Int(g.next() % 14)
      texts += ["\(y)-Q\(q)", "\(y)-\(m < 10 ? "0" : "")\(m)", "\(y)/\(String(format: "%02d", (y + 1 + Int(g.next() % 2)) % 100)) Q\(q)"]
    }
    for t in texts { #expect(Period.parse(t) == Period.parseGeneral(t), "\(t)") }
  }

  /// Records read on demand equal those of the former whole-file parser (kept here as the
  /// reference) on random texts of commas, quotes, CR, LF and letters; so do their errors.
  @Test func recordsAgreeWithTheReferenceParser() throws {
    var g = SplitMix64(seed: 11)
    let alphabet: [UInt8] = Array("a,\"\n\r b".utf8)
    for _ in 0..<5_000 {
      let n = Int(g.next() % 30)
      let text = String(decoding: (0..<n).map { _ in alphabet[Int(g.next() % UInt64(alphabet.count))] }, as: UTF8.self)
      let expected = Result { try Self.referenceParse(text: text, file: "t.csv") }
      let got = Result { try CSVReader().parse(text: text, file: "t.csv") }
      switch (expected, got) {
      case (.success(let a), .success(let b)): #expect(a == b, "\(text.debugDescription)")
      case (.failure(let a), .failure(let b)): #expect("\(a)" == "\(b)", "\(text.debugDescription)")
      default: Issue.record("one parser failed, the other did not: \(text.debugDescription)")
      }
    }
  }

  @Test func duplicateFoundInLongOutOfOrderAndInterleavedSeries() {
    var rows = ["indicator,geography,period,value"]
    for k in 0..<40 { rows.append("a,X,\(2030 - k)-03,\(k)") }   // long, descending: the lookup path
    rows.append("b,X,2020-03,1")
    rows.append("a,Y,2020-03,1")
    rows.append("a,X,2011-03,9")                                  // repeats line 21 (2011 = 2030 - 19), at line 44
    #expect(throws: DataError.duplicateObservation(InputLocation(file: "t.csv", row: 44, column: "period"), firstRow: 21,
                                                   key: "indicator 'a', geography 'X', period 2011-03")) {
      try ObservationReader.parse(text: rows.joined(separator: "\n"), file: "t.csv")
    }
    #expect(throws: DataError.duplicateObservation(InputLocation(file: "t.csv", row: 4, column: "period"), firstRow: 2,
                                                   key: "indicator 'a', period 2022-09")) {
      try ObservationReader.parse(text: "indicator,period,value\na,2022-Q3,1\nb,2022-09,2\na,2022/23 Q2,3\n", file: "t.csv")
    }
  }

  /// The whole-file parser this reader replaced (RFC 4180 with literal quotes, CR, CRLF).
  static func referenceParse(text: String, file: String) throws -> [CSVReader.Record] {
    var records = [CSVReader.Record]()
    var fields = [String](), field = [UInt8]()
    var inQuotes = false, fieldStarted = false
    var line = 1, recordLine = 1
    let d = UInt8(ascii: ","), utf8 = Array(text.utf8)
    var i = 0
    func endField() { fields.append(String(decoding: field, as: UTF8.self)); field.removeAll(); fieldStarted = false }
    func endRecord() {
      endField()
      if !(fields.count == 1 && fields[0].isEmpty) { records.append(CSVReader.Record(line: recordLine, fields: fields)) }
      fields.removeAll()
    }
    while i < utf8.count {
      let c = utf8[i]
      if inQuotes {
        if c == 0x22 {
          if i + 1 < utf8.count && utf8[i + 1] == 0x22 { field.append(c); i += 2; continue }
          inQuotes = false
        } else {
          if c == 0x0A { line += 1 }
          field.append(c)
        }
        i += 1
        continue
      }
      switch c {
      case 0x22: if !fieldStarted && field.isEmpty { inQuotes = true; fieldStarted = true } else { field.append(c) }
      case d: endField()
      case 0x0D:
        if i + 1 < utf8.count && utf8[i + 1] == 0x0A { break }
        endRecord(); line += 1; recordLine = line
      case 0x0A: endRecord(); line += 1; recordLine = line
      default: field.append(c); fieldStarted = true
      }
      i += 1
    }
    if inQuotes { throw DataError.unterminatedQuote(file: file, row: recordLine) }
    if !field.isEmpty || !fields.isEmpty { endRecord() }
    return records
  }
}

extension ReaderFastPathTests {
  /// The byte-level decimal reader gives exactly `Double(text)` (or leaves the text to it).
  @Test func plainDecimalsEqualDoubleParsing() {
    var g = SplitMix64(seed: 5)
    var texts = ["0", "-0", "0.0", "1.", ".5", "-", "", "12.345", "999999999999999", "9999999999999999", "0.000000000000001",
                 "1.7976931348623157", "00012.50", "1e5", "1,000", "--1", "1.2.3", "4.35", "0.1", "0.3", "2.675"]
    for _ in 0..<50_000 {
      let intDigits = Int(g.next() % 9), fracDigits = Int(g.next() % 9)
      var t = g.next() % 4 == 0 ? "-" : ""
      t += String((0..<max(intDigits, 1)).map { _ in Character(String(g.next() % 10)) })
      if fracDigits > 0 { t += "." + String((0..<fracDigits).map { _ in Character(String(g.next() % 10)) }) }
      texts.append(t)
    }
    for t in texts {
      if let v = ObservationReader.plainDecimal(t) {
        #expect(Double(t).map { $0.bitPattern == v.bitPattern } == true, "\(t)")
      }
      #expect(ObservationReader.parseNumber(t).map(\.bitPattern) == Self.formerParseNumber(t).map(\.bitPattern), "\(t)")
    }
  }

  /// `parseNumber` before the byte-level path (the reference for the test above).
  static func formerParseNumber(_ s: String) -> Double? {
    if s.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D }), let v = Double(s), v.isFinite { return v }
    var t = ObservationReader.trimmed(s)
    if t.hasSuffix("%") { t.removeLast() }
    if t.contains(",") {
      let parts = t.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
      let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
      let head = groups[0].hasPrefix("-") ? groups[0].dropFirst() : groups[0]
      guard (1...3).contains(head.count), groups.dropFirst().allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isNumber) }) else { return nil }
      t = t.replacingOccurrences(of: ",", with: "")
    }
    guard !t.isEmpty, t.allSatisfy({ $0.isNumber || "+-.eE".contains($0) }), let v = Double(t), v.isFinite else { return nil }
    return v
  }
}
