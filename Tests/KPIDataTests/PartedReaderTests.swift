import KPITestSupport
import Testing
@testable import KPIData

/// The reader parses a file's records in parts on all cores (``CSVReader/Records/parts()``)
/// and merges them in file order: the same inputs read as one part, as parts cut at every
/// possible record boundary, and through the array path give the same rows and the same errors.
@Suite struct PartedReaderTests {
  /// Everything a caller can see of a parsed file.
  struct Seen: Equatable {
    var observations: [Observation]
    var series: [ObservationSeriesName]
    var extraColumns: [String]
    var hasGeography: Bool
  }

  /// Reads `text` with parts of about `partBytes` bytes (`nil`: the array path, one record at a time).
  static func read(_ text: String, partBytes: Int?) -> Result<Seen, DataError> {
    do {
      let set: ObservationSet
      if let partBytes {
        var reader = CSVReader()
        reader.partBytes = partBytes
        set = try ObservationReader.parse(records: reader.records(text: text, file: "t.csv"), file: "t.csv")
      } else {
        set = try ObservationReader.parse(records: CSVReader().parse(text: text, file: "t.csv"), file: "t.csv")
      }
      return .success(Seen(observations: set.observations, series: set.seriesNames, extraColumns: set.extraColumns, hasGeography: set.hasGeography))
    } catch let e as DataError {
      return .failure(e)
    } catch {
      return .failure(.invalid(InputLocation(file: "t.csv"), message: "unexpected \(error)"))
    }
  }

  /// Reads `text` block by block as a file is read (blocks of `blockBytes`, parts of `partBytes`).
  static func readBlocks(_ text: String, blockBytes: Int, partBytes: Int) -> Result<Seen, DataError> {
    var reader = CSVReader()
    reader.partBytes = partBytes
    let bytes = Array(text.utf8)
    var at = 0
    do {
      let set = try ObservationReader.parseBlocks(file: "t.csv", reader: reader, blockBytes: blockBytes) { buffer, count in
        let n = min(count, bytes.count - at)
        buffer.append(contentsOf: bytes[at..<at + n])
        at += n
        return at < bytes.count
      }
      return .success(Seen(observations: set.observations, series: set.seriesNames, extraColumns: set.extraColumns, hasGeography: set.hasGeography))
    } catch let e as DataError {
      return .failure(e)
    } catch {
      return .failure(.invalid(InputLocation(file: "t.csv"), message: "unexpected \(error)"))
    }
  }

  /// How many parts `text` is cut into at `partBytes`.
  static func partCount(_ text: String, partBytes: Int) throws -> Int {
    var reader = CSVReader()
    reader.partBytes = partBytes
    return try reader.records(text: text, file: "t.csv").parts().parts.count
  }

  /// Reads `text` every way and checks all agree; returns the one-part result.
  static func agreed(_ text: String) throws -> Result<Seen, DataError> {
    let whole = read(text, partBytes: Int.max)
    #expect(try partCount(text, partBytes: Int.max) == 1)
    #expect(try partCount(text, partBytes: 1) > 1)
    for partBytes in [1, 2, 7, 40, 300] as [Int?] + [nil] {
      #expect(read(text, partBytes: partBytes) == whole, "part size \(partBytes.map(String.init) ?? "array")")
    }
    for (blockBytes, partBytes) in [(1, 1), (2, 1 << 20), (7, 3), (64, 1), (500, 40), (1 << 20, 1)] {
      #expect(readBlocks(text, blockBytes: blockBytes, partBytes: partBytes) == whole, "blocks of \(blockBytes), parts of \(partBytes)")
    }
    return whole
  }

  /// A national-style file: series interleaved, notations mixed, missing markers, a status, a
  /// unit, an extra note column with quoted commas and a quoted newline, CRLF and blank lines.
  static func sample(rows: Int = 60) -> [String] {
    var lines = ["indicator,geography,period,value,status,unit,note"]
    for k in 0..<rows {
      let series = k % 5, step = k / 5
      let month = 2015 * 12 + 2 + 3 * step
      let period: String
      switch (series + step) % 3 {
      case 0: period = "\(month / 12)-Q\(month % 12 / 3 + 1)"
      case 1: period = "\(month / 12)-\(month % 12 + 1 < 10 ? "0" : "")\(month % 12 + 1)"
      default:
        let q = ((month % 12 + 1) + 8) % 12 / 3 + 1, fyEnd = month % 12 + 1 >= 4 ? month / 12 + 1 : month / 12
        period = "\(fyEnd - 1)/\((fyEnd % 100) < 10 ? "0" : "")\(fyEnd % 100) Q\(q)"
      }
      let value = k % 11 == 0 ? "x" : (k % 13 == 0 ? "" : "\(Double(k) * 1.25)")
      let note = k % 7 == 0 ? "\"a note, with a comma\nand a second line\"" : (k % 3 == 0 ? "plain" : "\"quoted \"\"words\"\"\"")
      lines.append("kpi\(series % 2),LA\(series),\(period),\(value),\(k % 4 == 0 ? "final" : ""),count,\(note)")
    }
    return lines
  }

  @Test func partsGiveTheRowsOfTheWholeFile() throws {
    var lines = Self.sample()
    lines.insert("", at: 20)
    let text = lines.joined(separator: "\n") + "\n"
    guard case .success(let seen) = try Self.agreed(text) else { Issue.record("the sample should read"); return }
    #expect(seen.observations.count == 60)
    #expect(seen.series.count == 5)
    // The newline inside the quoted note moves later rows' line numbers: row k sits on line
    // 2 + k + the quoted newlines before it + the blank line after line 20.
    let last = try #require(seen.observations.last)
    #expect(last.row == 2 + 59 + (0..<59).filter { $0 % 7 == 0 }.count + 1)
    #expect(seen.observations.first?.extra["note"] == "a note, with a comma\nand a second line")
    // CRLF line ends read the same.
    let crlf = lines.joined(separator: "\r\n") + "\r\n"
    #expect(try Self.agreed(crlf) == .success(seen))
  }

  @Test func aQuotedNewlineAcrossEveryCutIsNotABoundary() throws {
    // A field whose quotes hold many newlines and commas: with parts of 1 byte, a cut is tried
    // after each of those newlines and must not be taken.
    let note = "\"" + (1...30).map { "line \($0), more" }.joined(separator: "\n") + "\""
    let text = "indicator,period,value,note\na,2015-03,1,\(note)\na,2015-06,2,x\na,2015-09,zz,y\n"
    // One part per record: none of the 29 newlines inside the quotes is a cut.
    #expect(try Self.partCount(text, partBytes: 1) == 3)
    let result = try Self.agreed(text)
    // The bad value is on line 2 + 30 + 1 = 33 (the note spans lines 2 to 31).
    #expect(result == .failure(.unparsableValue(InputLocation(file: "t.csv", row: 33, column: "value"), text: "zz")))
  }

  @Test func aRepeatInALaterPartNamesBothRows() throws {
    var lines = Self.sample()
    // lines[2] holds kpi1/LA1's first period, on line 4 (row 0's note spans lines 2 and 3);
    // repeat it near the end (a later part).
    let repeated = lines[2].split(separator: ",", omittingEmptySubsequences: false)
    #expect(repeated[0] == "kpi1" && repeated[1] == "LA1")
    lines.insert("kpi1,LA1,\(repeated[2]),9,,count,late", at: 50)
    let text = lines.joined(separator: "\n") + "\n"
    let result = try Self.agreed(text)
    let line = 51 + (0..<49).filter { $0 % 7 == 0 }.count
    #expect(result == .failure(.duplicateObservation(InputLocation(file: "t.csv", row: line, column: "period"), firstRow: 4,
                                                     key: "indicator 'kpi1', geography 'LA1', period 2015-03")))
  }

  @Test func aRowGivenThreeTimesOutOfOrderIsReportedAtItsSecondCopy() throws {
    // Series b's months run 2015-06, 2015-03, 2015-09, then 2015-03 twice more, another series
    // between: the first repeat in file order is line 6 (of line 3); line 7 is not reported.
    let text = """
      indicator,period,value
      b,2015-06,1
      b,2015-03,2
      a,2015-03,3
      b,2015-09,4
      b,2015-03,5
      b,2015-03,6
      a,2015-06,7

      """
    let result = try Self.agreed(text)
    #expect(result == .failure(.duplicateObservation(InputLocation(file: "t.csv", row: 6, column: "period"), firstRow: 3,
                                                     key: "indicator 'b', period 2015-03")))
  }

  @Test func aBadRowInALatePartIsReportedWhereItIs() throws {
    var lines = Self.sample()
    lines.insert("kpi0,LA0,2030-Q9,1,,count,bad", at: 55)
    let text = lines.joined(separator: "\n") + "\n"
    let result = try Self.agreed(text)
    let line = 56 + (0..<54).filter { $0 % 7 == 0 }.count
    #expect(result == .failure(.unparsablePeriod(InputLocation(file: "t.csv", row: line, column: "period"), text: "2030-Q9")))
  }

  @Test func theFirstProblemInFileOrderWinsAcrossParts() throws {
    var lines = Self.sample()
    let repeated = lines[2].split(separator: ",", omittingEmptySubsequences: false)
    lines.insert("kpi1,LA1,\(repeated[2]),9,,count,late", at: 30)  // a repeat first …
    lines.insert("kpi0,LA0,2015-03,1,,count,a,b", at: 50)           // … then a row with too many fields
    let dupFirst = try Self.agreed(lines.joined(separator: "\n") + "\n")
    guard case .failure(.duplicateObservation(let loc, firstRow: 4, key: _)) = dupFirst else {
      Issue.record("expected the repeat, got \(dupFirst)"); return
    }
    #expect(loc.row == 31 + (0..<29).filter { $0 % 7 == 0 }.count)
    // The other way round: the bad row comes first and is the one reported.
    var other = Self.sample()
    other.insert("kpi0,LA0,2015-03,1,,count,a,b", at: 30)
    other.insert("kpi1,LA1,\(repeated[2]),9,,count,late", at: 50)
    let badFirst = try Self.agreed(other.joined(separator: "\n") + "\n")
    #expect(badFirst == .failure(.wrongFieldCount(file: "t.csv", row: 31 + (0..<29).filter { $0 % 7 == 0 }.count, expected: 7, found: 8)))
  }

  @Test func fileLevelProblemsComeFirstWhereverTheyAre() throws {
    // A bad row early and invalid UTF-8, a NUL byte or an unclosed quote late: the whole-file
    // problem is reported, with its line and byte offset counted from the file's start.
    let lines = Self.sample()
    var early = lines
    early.insert("kpi0,LA0,2030-Q9,1,,count,bad", at: 3)
    let head = "\u{FEFF}" + early.joined(separator: "\n") + "\n"
    let utf8 = Array(head.utf8) + [0xC3, 0x28] + Array("\nlast\n".utf8)
    let nul = Array(head.utf8) + [0x61, 0x00] + Array("\nlast\n".utf8)
    let quote = Array((head + "kpi0,LA0,2030-03,1,,count,\"never closed\n").utf8)
    for bytes in [utf8, nul, quote] {
      let whole: Result<Seen, DataError>
      do {
        let set = try ObservationReader.parse(records: CSVReader().records(bytes: bytes, file: "t.csv"), file: "t.csv")
        whole = .success(Seen(observations: set.observations, series: set.seriesNames, extraColumns: set.extraColumns, hasGeography: set.hasGeography))
      } catch let e as DataError { whole = .failure(e) }
      guard case .failure(let e) = whole else { Issue.record("should fail"); continue }
      switch e {
      case .notUTF8, .invalid, .unterminatedQuote: break
      default: Issue.record("a file-level problem should win, got \(e)")
      }
      for (blockBytes, partBytes) in [(1, 1), (7, 3), (300, 40), (1 << 20, 1 << 20)] {
        var reader = CSVReader()
        reader.partBytes = partBytes
        var at = 0
        let streamed = Result<ObservationSet, Error> {
          try ObservationReader.parseBlocks(file: "t.csv", reader: reader, blockBytes: blockBytes) { buffer, count in
            let n = min(count, bytes.count - at)
            buffer.append(contentsOf: bytes[at..<at + n])
            at += n
            return at < bytes.count
          }
        }
        guard case .failure(let s as DataError) = streamed else { Issue.record("blocks should fail"); continue }
        #expect(s == e, "blocks of \(blockBytes)")
      }
    }
    // The invalid byte is on the line after the head's last line feed, just after the head
    // (whose BOM is not counted).
    #expect(throws: DataError.notUTF8(file: "t.csv", row: 1 + head.filter { $0 == "\n" }.count, byteOffset: head.utf8.count - 3)) {
      try CSVReader().records(bytes: utf8, file: "t.csv")
    }
  }

  @Test func plainRowsReadFromBytesEqualRowsReadAsFields() throws {
    // Mostly plain rows (read straight from the bytes) mixed with every kind a plain row is
    // not: spaces around cells, markers, thousands, other notations, unit and status changes,
    // a trailing delimiter, quotes, CR, blank lines; every third file has one bad row. Parts
    // read from bytes must give what reading every record as fields gives, rows or error.
    var rng = SplitMix64(seed: 20261205)
    func pick(_ options: [String]) -> String { options[Int(rng.next() % UInt64(options.count))] }
    var failures = 0
    for file in 0..<30 {
      var lines = ["indicator,geography,period,value,unit,status,note"]
      var steps = [Int](repeating: 0, count: 7), series = 0
      let badAt = file % 3 == 0 ? Int(rng.next() % 120) : -1
      for row in 0..<120 {
        if rng.next() % 6 == 0 { series = Int(rng.next() % 7) }
        steps[series] += 1
        let year = 2015 + steps[series] / 4, q = steps[series] % 4 + 1, m = q * 3
        let fyStart = m >= 4 ? year : year - 1
        let financial = "\(fyStart)/\((fyStart + 1) % 100) Q\(((m + 8) % 12) / 3 + 1)"
        let period = rng.next() % 20 == 0 ? pick([" \(year)-Q\(q)", "Q\(((m + 8) % 12) / 3 + 1) \(fyStart)/\((fyStart + 1) % 100)", "\(year)-\(m)"])
          : pick(["\(year)-Q\(q)", "\(year)-\(m < 10 ? "0" : "")\(m)", financial])
        let value = rng.next() % 8 == 0 ? pick(["", "x", "\"1,234\"", "5%", " 7", "-", "1e3", "0012.50", "-3", "N/A"])
          : "\(Double(rng.next() % 10_000) / 10)"
        let unit = rng.next() % 15 == 0 ? pick(["count", "Percent", " percent", ""]) : "percent"
        let status = rng.next() % 12 == 0 ? pick(["final", " final", "provisional", ""]) : ""
        let note = rng.next() % 12 == 0 ? pick(["\"a, b\"", "\"x\ry\"", "other", "same "]) : "same"
        let geography = series % 4 == 3 ? "" : (series == 2 ? "\"Bournemouth, Christchurch and Poole\"" : "LA \(series)")
        var cells = ["kpi\(series % 3)", geography, period, value, unit, status, note]
        if row == badAt {
          switch rng.next() % 6 {
          case 0: cells[0] = ""
          case 1: cells[2] = "\(year)-Q9"
          case 2: cells[3] = "abc"
          case 3: cells[4] = "furlongs"
          case 4: cells.append("extra")
          default: cells[2] = lines.count > 1 ? String(lines[1].split(separator: ",")[2]) : cells[2]; cells[0] = "kpi0"; cells[1] = "LA 0"
          }
        }
        var line = cells.joined(separator: ",")
        if rng.next() % 40 == 0 { line += "," }
        lines.append(line)
        if rng.next() % 60 == 0 { lines.append("") }
      }
      let text = lines.joined(separator: rng.next() % 5 == 0 ? "\r\n" : "\n") + "\n"
      let whole = Self.read(text, partBytes: nil)
      if case .failure = whole { failures += 1 }
      for partBytes in [1, 97, 1 << 20] {
        #expect(Self.read(text, partBytes: partBytes) == whole, "file \(file), parts of \(partBytes)")
      }
      #expect(Self.readBlocks(text, blockBytes: 333, partBytes: 50) == whole, "file \(file) in blocks")
    }
    // Both outcomes are exercised.
    #expect(failures >= 5 && failures <= 20, "\(failures) of 30 files failed")
  }

  @Test func aHeaderAloneAndAnEmptyFileAreTheSameErrors() throws {
    #expect(Self.read("indicator,period,value\n", partBytes: 1) == .failure(.noDataRows(file: "t.csv")))
    #expect(Self.read("indicator,period,value\n\n\n", partBytes: 1) == .failure(.noDataRows(file: "t.csv")))
    #expect(Self.read("\n\n", partBytes: 1) == .failure(.emptyFile(file: "t.csv")))
    #expect(Self.read("indicator,period,value\n\n\n", partBytes: nil) == .failure(.noDataRows(file: "t.csv")))
  }
}
