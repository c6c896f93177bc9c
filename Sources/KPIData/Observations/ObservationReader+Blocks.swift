import Foundation

extension ObservationReader {
  /// Bytes read at a time when a file is read block by block.
  static let blockBytes = 8 << 20

  /// Reads a regular file, or standard input for `-`, block by block, so the file's bytes are
  /// never held whole; nil when `path` is not a regular file that opens (the caller then reads
  /// it through ``InputFile``, whose error says what is wrong).
  static func readBlocks(path: String) throws -> ObservationSet? {
    let fd: Int32
    if path == "-" {
      fd = STDIN_FILENO
    } else {
      guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            attributes[.type] as? FileAttributeType == .typeRegular else { return nil }
      fd = open(path, O_RDONLY)
      guard fd >= 0 else { return nil }
    }
    defer { if path != "-" { close(fd) } }
    let file = InputFile.displayName(path)
    let size = path == "-" ? nil : (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
    return try parseBlocks(file: file, reader: CSVReader(), blockBytes: blockBytes, sizeHint: size) { buffer, count in
      var got = 0
      let chunk = try [UInt8](unsafeUninitializedCapacity: count) { b, initialized in
        defer { initialized = got }
        while got < count {
          let n = b.baseAddress.map { Foundation.read(fd, $0 + got, count - got) } ?? 0
          if n > 0 { got += n; continue }
          if n == 0 { break }
          if errno == EINTR { continue }
          throw DataError.unreadableFile(file: file, reason: String(cString: strerror(errno)).lowercased())
        }
      }
      buffer.append(contentsOf: chunk)
      return got == count
    }
  }

  /// Parses bytes that `read` appends `count` at a time (returning false at the end): each
  /// block is cut after its last line end outside quotes, checked (UTF-8, NUL, quotes) and
  /// its records parsed in parts on all cores and merged; the carried tail starts the next
  /// block. The result, and the error for a bad file, are exactly those of reading the whole
  /// bytes at once: the first invalid UTF-8 anywhere, else the first NUL byte, else an
  /// unclosed quote, else the first bad header or row in file order.
  /// `sizeHint` (the file's size, when known) sizes the rows once from the first block's rows
  /// per byte, so they are not regrown and copied as blocks arrive.
  static func parseBlocks(file: String, reader: CSVReader, blockBytes: Int, sizeHint: Int? = nil,
                          read: (inout [UInt8], Int) throws -> Bool) throws -> ObservationSet {
    let d = reader.delimiter.asciiValue ?? UInt8(ascii: ",")
    var pending = [UInt8]()
    var started = false, atEnd = false
    var offset = 0, lineFeeds = 0, line = 1
    var nul: DataError?, problem: DataError?, unclosed: DataError?
    var merger: ObservationMerger?
    while !atEnd {
      // A block with no line end outside quotes (a long quoted field) is read on at twice the size.
      atEnd = try !read(&pending, max(1, blockBytes, pending.count))
      if !started {
        guard pending.count >= 3 || atEnd else { continue }
        if pending.starts(with: [0xEF, 0xBB, 0xBF]) { pending.removeFirst(3) }
        started = true
      }
      let scan = CSVReader.scanQuotes(pending, delimiter: d, partBytes: max(1, reader.partBytes), startLine: line)
      let cut = atEnd ? pending.count : scan.lastCut
      if cut == 0 && !atEnd { continue }  // no whole record yet: read more
      let block: [UInt8]
      if cut == pending.count { block = pending; pending = [] } else { block = Array(pending[..<cut]); pending = Array(pending[cut...]) }
      // The first invalid UTF-8 in the file wins over every other problem.
      do { try CSVReader.checkUTF8(block, file: file) } catch DataError.notUTF8(let f, let row, let byteOffset) {
        throw DataError.notUTF8(file: f, row: row + lineFeeds, byteOffset: byteOffset + offset)
      }
      if nul == nil, let z = block.firstIndex(of: 0) {
        nul = DataError.invalid(InputLocation(file: file, row: 1 + lineFeeds + block[..<z].filter { $0 == 10 }.count),
                                message: "a NUL byte at byte offset \(offset + z); this is not a text CSV file (export it again as CSV, UTF-8)")
      }
      if atEnd, let l = scan.unterminatedLine { unclosed = DataError.unterminatedQuote(file: file, row: l) }
      if nul == nil && problem == nil && unclosed == nil && merger?.failure == nil {
        let records = CSVReader.Records(bytes: block, delimiter: d, cutOffsets: scan.cutOffsets, cutLines: scan.cutLines, startLine: line)
        do throws(DataError) {
          let rows = try parse(records, into: &merger, file: file)
          if offset == 0, let size = sizeHint, cut > 0, cut < size, rows > 0 {
            // Room for the whole file at the first block's density, and a tenth more.
            merger?.reserve(Int(Double(rows) * Double(size - cut) / Double(cut) * 1.1))
          }
        } catch {
          problem = error
        }
      }
      offset += cut
      lineFeeds += cut == scan.lastCut ? scan.lineFeedsToLastCut : scan.lineFeeds
      line = scan.lastCutLine
    }
    if let nul { throw nul }
    if let unclosed { throw unclosed }
    if let problem { throw problem }
    guard let merger else { throw DataError.emptyFile(file: file) }
    return try merger.finish()
  }

  /// Parses one block's records (the header first, when no block has held it yet) in parts on
  /// all cores and merges them; returns the number of rows parsed.
  private static func parse(_ records: CSVReader.Records, into merger: inout ObservationMerger?, file: String) throws(DataError) -> Int {
    let parts: [CSVReader.Records]
    if merger == nil {
      let split = records.parts(withHeader: true)
      guard let header = split.header else { return 0 }  // only blank lines so far
      merger = ObservationMerger(columns: try ObservationColumns(header: header, file: file), file: file)
      parts = split.parts
    } else {
      parts = records.parts(withHeader: false).parts
    }
    guard var m = merger else { return 0 }
    merger = nil
    defer { merger = m }
    let columns = m.columns
    let parsed = parts.parallelMap { ObservationPart(bytes: $0, columns: columns, file: file) }
    for p in parsed where m.failure == nil { m.add(p) }
    return parsed.reduce(0) { $0 + $1.rows.count }
  }
}
