import Foundation

/// A minimal RFC 4180 reader that keeps the 1-based line number of each record (for error
/// messages). Quoted fields may hold commas, doubled quotes and newlines; CRLF and a UTF-8 BOM
/// are accepted; a delimiter other than the comma may be given (tab for scorecard exports).
/// Written here rather than taken from SwiftCSV because errors must name rows exactly.
///
/// Records are parsed from the bytes on demand (``Records``): the file's bytes are checked once
/// (UTF-8, every quote closed) and then each record is read straight from them, so a caller
/// that walks the records holds one record at a time, not the whole file as strings.
public struct CSVReader: Sendable {
  public struct Record: Sendable, Equatable {
    /// Line of the file where the record starts (1-based).
    public var line: Int
    public var fields: [String]
  }

  public var delimiter: Character
  /// About how many bytes each part of ``Records/parts()`` holds (parts are parsed on all
  /// cores); tests set it small to put part boundaries everywhere.
  var partBytes = 1 << 20

  public init(delimiter: Character = ",") { self.delimiter = delimiter }

  /// Reads a file's bytes as UTF-8 (rejecting invalid bytes with their offset) and parses it.
  /// The path `-` reads standard input.
  public func read(path: String) throws -> [Record] { Array(try records(path: path)) }

  /// Decodes UTF-8 (naming the line and byte offset of the first invalid byte) and parses.
  public func parse(data: Data, file: String) throws -> [Record] { Array(try records(bytes: [UInt8](data), file: file)) }

  /// Parses text into records. Blank lines are skipped.
  public func parse(text: String, file: String) throws -> [Record] { Array(try records(bytes: Array(text.utf8), file: file)) }

  /// The records of a file, read on demand (the path `-` reads standard input); the bytes are
  /// checked first, so reading the records cannot fail.
  public func records(path: String) throws -> Records {
    // A regular file straight into one array; anything else (standard input, a missing file, a
    // folder, no permission) through InputFile, which says what is wrong in words.
    if path != "-", let bytes = Self.readFile(path) { return try records(bytes: bytes, file: path) }
    return try records(bytes: [UInt8](InputFile.read(path: path)), file: InputFile.displayName(path))
  }

  /// A regular file's bytes read straight into one array (no `Data` copy beside it); nil when
  /// it cannot be opened or read that way (the caller then reads it through Foundation, whose
  /// error names the reason).
  static func readFile(_ path: String) -> [UInt8]? {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
          attributes[.type] as? FileAttributeType == .typeRegular,
          let size = (attributes[.size] as? NSNumber)?.intValue,
          let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var complete = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      count = buffer.baseAddress.map { fread($0, 1, size, file) } ?? 0
      // The whole file, and nothing after it (a file that grew is read through Foundation).
      complete = count == size && fgetc(file) == EOF
    }
    return complete ? bytes : nil
  }

  /// The records of text.
  public func records(text: String, file: String) throws -> Records { try records(bytes: Array(text.utf8), file: file) }

  /// Checks the bytes (a leading BOM dropped; valid UTF-8, naming the line and offset of the
  /// first invalid byte; every quoted field closed, naming the record's first line) and returns
  /// the records to be read from them.
  public func records(bytes raw: [UInt8], file: String) throws -> Records {
    var bytes = raw
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    try Self.checkUTF8(bytes, file: file)
    if let nul = bytes.firstIndex(of: 0) {
      throw DataError.invalid(InputLocation(file: file, row: 1 + bytes[..<nul].filter { $0 == 10 }.count),
                              message: "a NUL byte at byte offset \(nul); this is not a text CSV file (export it again as CSV, UTF-8)")
    }
    let d = delimiter.asciiValue ?? UInt8(ascii: ",")
    let scan = Self.scanQuotes(bytes, delimiter: d, partBytes: max(1, partBytes))
    if let line = scan.unterminatedLine { throw DataError.unterminatedQuote(file: file, row: line) }
    return Records(bytes: bytes, delimiter: d, cutOffsets: scan.cutOffsets, cutLines: scan.cutLines)
  }

  /// Throws ``DataError/notUTF8(file:row:byteOffset:)`` for the first invalid byte. ASCII (the
  /// usual case) is recognised eight bytes at a time without decoding.
  static func checkUTF8(_ bytes: [UInt8], file: String) throws {
    let ascii = bytes.withUnsafeBytes { raw -> Bool in
      var i = 0
      let n = raw.count
      while i + 8 <= n {
        if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
        i += 8
      }
      while i < n { if raw[i] >= 0x80 { return false }; i += 1 }
      return true
    }
    if ascii || String(validating: bytes, as: UTF8.self) != nil { return }
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

  /// One pass of the record parser's quote rules without building fields: the first line of a
  /// record whose quoted field is never closed (or nil), and the places where the records may
  /// be cut into parts of about `partBytes` bytes — just after a line feed outside quotes (so a
  /// quoted field holding a newline is never split), each with the line that starts there.
  /// Also gives the last such place (`lastCut`, 0 when there is none), its line and the line
  /// feeds before it, and all the line feeds, for a file read block by block. `startLine` is
  /// the line of the first byte. Bytes that change nothing (not a quote, delimiter or line
  /// end) are skipped in a tight loop.
  static func scanQuotes(_ bytes: [UInt8], delimiter d: UInt8, partBytes: Int, startLine: Int = 1) -> QuoteScan {
    var special = [Bool](repeating: false, count: 256)
    for c in [0x22, d, 0x0D, 0x0A] { special[Int(c)] = true }
    var scan = QuoteScan(lastCutLine: startLine)
    var inQuotes = false, atFieldStart = true
    var line = startLine, recordLine = startLine, lineFeeds = 0
    var nextCut = partBytes
    bytes.withUnsafeBufferPointer { u in
      special.withUnsafeBufferPointer { special in
        let n = u.count
        var i = 0
        while i < n {
          if inQuotes {
            while i < n && u[i] != 0x22 && u[i] != 0x0A { i += 1 }
            guard i < n else { break }
            if u[i] == 0x22 {
              if i + 1 < n && u[i + 1] == 0x22 { i += 2; continue }
              inQuotes = false
            } else {
              line += 1
              lineFeeds += 1
            }
            i += 1
            continue
          }
          let c = u[i]
          if !special[Int(c)] {
            atFieldStart = false
            i += 1
            while i < n && !special[Int(u[i])] { i += 1 }
            continue
          }
          switch c {
          case 0x22:
            if atFieldStart { inQuotes = true }
            atFieldStart = false
          case d: atFieldStart = true
          case 0x0D:
            if i + 1 < n && u[i + 1] == 0x0A { break }
            line += 1; recordLine = line; atFieldStart = true
          case 0x0A:
            line += 1; recordLine = line; atFieldStart = true
            lineFeeds += 1
            scan.lastCut = i + 1
            scan.lastCutLine = line
            scan.lineFeedsToLastCut = lineFeeds
            if i + 1 >= nextCut && i + 1 < n {
              scan.cutOffsets.append(i + 1)
              scan.cutLines.append(line)
              nextCut = i + 1 + partBytes
            }
          default: atFieldStart = false
          }
          i += 1
        }
      }
    }
    scan.unterminatedLine = inQuotes ? recordLine : nil
    scan.lineFeeds = lineFeeds
    return scan
  }

  /// Records read on demand from checked bytes. Blank lines are skipped.
  public struct Records: Sequence, Sendable {
    let bytes: [UInt8]
    let delimiter: UInt8
    /// The byte range these records are read from, and the line at its start.
    let start: Int, end: Int, startLine: Int
    /// Record boundaries (offsets in `bytes`, ascending) with their lines, where ``parts()`` may cut.
    let cutOffsets: [Int], cutLines: [Int]

    init(bytes: [UInt8], delimiter: UInt8, cutOffsets: [Int] = [], cutLines: [Int] = [], start: Int = 0, end: Int? = nil, startLine: Int = 1) {
      self.bytes = bytes
      self.delimiter = delimiter
      self.start = start
      self.end = end ?? bytes.count
      self.startLine = startLine
      self.cutOffsets = cutOffsets
      self.cutLines = cutLines
    }

    /// The first record (the header), or nil for a file with none.
    public var first: Record? {
      var it = makeIterator()
      return it.next()
    }

    /// Bytes in the file: a bound for reserving room.
    public var byteCount: Int { end - start }

    public func makeIterator() -> Iterator { Iterator(bytes: bytes, delimiter: delimiter, start: start, end: end, line: startLine) }

    /// The first record (the header) and the records after it split into parts at record
    /// boundaries about ``CSVReader/partBytes`` apart, in file order: each part reads exactly
    /// the records (and lines) the whole would, so parts can be parsed on separate cores.
    public func parts() -> (header: Record?, parts: [Records]) { parts(withHeader: true) }

    /// ``parts()`` with or without a header record first.
    func parts(withHeader: Bool) -> (header: Record?, parts: [Records]) {
      var it = makeIterator()
      var header: Record?
      if withHeader {
        header = it.next()
        if header == nil { return (nil, []) }
      }
      var parts = [Records]()
      var from = it.i, line = it.line
      for (offset, cutLine) in zip(cutOffsets, cutLines) where offset > from && offset < end {
        parts.append(Records(bytes: bytes, delimiter: delimiter, start: from, end: offset, startLine: line))
        from = offset
        line = cutLine
      }
      if from < end { parts.append(Records(bytes: bytes, delimiter: delimiter, start: from, end: end, startLine: line)) }
      return (header, parts)
    }

    /// Walks the bytes one record at a time.
    public struct Iterator: IteratorProtocol {
      let bytes: [UInt8]
      let delimiter: UInt8
      /// Where reading stops (a record boundary or the end of the bytes).
      let end: Int
      var i: Int
      var line: Int
      var width = 8
      var scratch = [UInt8]()

      init(bytes: [UInt8], delimiter: UInt8, start: Int = 0, end: Int? = nil, line: Int = 1) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.end = end ?? bytes.count
        self.i = start
        self.line = line
      }

      public mutating func next() -> Record? {
        while i < end {
          if let r = record() { return r }
        }
        return nil
      }

      /// Reads one record from `i` (nil for a blank line); the same rules as RFC 4180 plus
      /// literal quotes inside an unquoted field, CRLF or lone CR line ends.
      mutating func record() -> Record? {
        let u = bytes, n = end, d = delimiter
        var fields = [String]()
        fields.reserveCapacity(width)
        let recordLine = line
        var start = i               // first byte of the current field while it is contiguous
        var quoted = false          // the field went through quotes: its text is in `scratch`
        var fieldStarted = false
        var inQuotes = false
        var ended = false
        func endField(_ end: Int) {
          if quoted {
            fields.append(String(decoding: scratch, as: UTF8.self))
            scratch.removeAll(keepingCapacity: true)
          } else {
            fields.append(String(decoding: u[start..<end], as: UTF8.self))
          }
          quoted = false
          fieldStarted = false
        }
        while i < n {
          let c = u[i]
          if inQuotes {
            if c == 0x22 {
              if i + 1 < n && u[i + 1] == 0x22 { scratch.append(c); i += 2; continue }
              inQuotes = false
            } else {
              if c == 0x0A { line += 1 }
              scratch.append(c)
            }
            i += 1
            continue
          }
          switch c {
          case 0x22:
            if !fieldStarted && (quoted ? scratch.isEmpty : start == i) {
              if !quoted { quoted = true }
              inQuotes = true
              fieldStarted = true
            } else if quoted {
              scratch.append(c)
            }
          case d:
            endField(i)
            start = i + 1
          case 0x0D:
            endField(i); line += 1; ended = true
            if i + 1 < n && u[i + 1] == 0x0A { i += 1 }
          case 0x0A:
            endField(i); line += 1; ended = true
          default:
            if quoted { scratch.append(c) }
            fieldStarted = true
          }
          i += 1
          if ended { break }
        }
        if !ended {
          // End of input: a record only when something was read since the last line end.
          let fieldEmpty = quoted ? scratch.isEmpty : start == i
          if fieldEmpty && fields.isEmpty { return nil }
          endField(i)
        }
        if fields.count == 1 && fields[0].isEmpty { return nil }
        width = fields.count
        return Record(line: recordLine, fields: fields)
      }
    }
  }
}

extension CSVReader.Records {
  /// Line ends in the bytes plus one: at least the number of records, for reserving room.
  public var recordBound: Int {
    bytes.withUnsafeBufferPointer { b in b[start..<end].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) } }
  }
}
