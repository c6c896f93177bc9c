import Foundation

/// Reads the tidy observations CSV of DESIGN §3: `indicator,period,value` required; optional
/// `geography`, `status`, `unit`, `polarity`; any other columns kept in `extra`. Header names are
/// matched case-insensitively. Every error names file, row, column and text.
public enum ObservationReader {
  /// Markers read as a missing value (case-insensitive), besides the empty cell.
  public static let missingMarkers: Set<String> = ["na", "n/a", "nan", "-", "..", ".", "x", "c", "tbc", "null", "missing", "z", "u"]

  /// Reads a file (`-` = standard input): block by block when it is a regular file or
  /// standard input, so memory grows with the rows' compact form, not the file's bytes.
  public static func read(path: String) throws -> ObservationSet {
    if let set = try readBlocks(path: path) { return set }
    let records = try CSVReader().records(path: path)
    return try parse(records: records, file: InputFile.displayName(path))
  }

  public static func parse(text: String, file: String = "<input>") throws -> ObservationSet {
    try parse(records: CSVReader().records(text: text, file: file), file: file)
  }

  /// Parses records already read (so standard input is read once), on demand from bytes or in
  /// an array. A header alone is an error ("no data rows"). Records read from bytes are parsed
  /// in parts on all cores and merged in file order: the rows, and the error for the first bad
  /// or repeated row, are exactly those of reading the records one by one.
  public static func parse(records: some CSVRecordSource, file: String) throws -> ObservationSet {
    let columns: ObservationColumns
    let parts: [ObservationPart]
    if let bytes = records as? CSVReader.Records {
      let split = bytes.parts()
      guard let header = split.header else { throw DataError.emptyFile(file: file) }
      let found = try ObservationColumns(header: header, file: file)
      columns = found
      parts = split.parts.parallelMap { ObservationPart(bytes: $0, columns: found, file: file) }
    } else {
      guard let header = records.first else { throw DataError.emptyFile(file: file) }
      columns = try ObservationColumns(header: header, file: file)
      parts = [ObservationPart(records: records.dropFirst(), columns: columns, file: file)]
    }
    return try merge(parts, columns: columns, file: file)
  }

  /// Joins parts in file order into one set (``ObservationMerger``), freeing each part once merged.
  static func merge(_ parts: consuming [ObservationPart], columns: ObservationColumns, file: String) throws -> ObservationSet {
    var merger = ObservationMerger(columns: columns, file: file)
    merger.reserve(parts.reduce(0) { $0 + $1.rows.count })
    for k in parts.indices where merger.failure == nil {
      let part = parts[k]
      parts[k] = ObservationPart()
      merger.add(part)
    }
    return try merger.finish()
  }

  /// Removes leading and trailing spaces and tabs (fast path: no copy when there are none).
  static func trimmed(_ s: String) -> String {
    let u = s.utf8
    // The last byte by index (not `last`, which is not inlined here and costs a call per cell).
    guard let f = u.first else { return s }
    let l = u[u.index(before: u.endIndex)]
    if f != 0x20 && f != 0x09 && l != 0x20 && l != 0x09 { return s }
    return s.trimmingCharacters(in: .whitespaces)
  }

  /// Parses a plain number, allowing thousands separators (`2,720`) and a trailing `%`.
  /// Returns nil for anything else, including non-finite values.
  public static func parseNumber(_ s: String) -> Double? {
    if let v = plainDecimal(s) { return v }
    // Fast path: plain decimal digits, sign and point only.
    if s.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D }), let v = Double(s), v.isFinite { return v }
    var t = trimmed(s)
    if t.hasSuffix("%") { t.removeLast() }
    if t.contains(",") {
      // Only well-formed thousands groups: 1,234 or 12,345.6
      let parts = t.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
      let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
      let head = groups[0].hasPrefix("-") ? groups[0].dropFirst() : groups[0]
      guard (1...3).contains(head.count), groups.dropFirst().allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isNumber) }) else { return nil }
      t = t.replacingOccurrences(of: ",", with: "")
    }
    guard !t.isEmpty, t.allSatisfy({ $0.isNumber || "+-.eE".contains($0) }), let v = Double(t), v.isFinite else { return nil }
    return v
  }

  /// `bigger`/`Bigger is Better`/`high` → bigger; `smaller`/`Smaller is Better`/`low` → smaller;
  /// `plan`/`Plan is Best` → plan.
  public static func parsePolarity(_ s: String) -> Polarity? {
    let l = s.lowercased().trimmingCharacters(in: .whitespaces)
    if l.hasPrefix("bigger") || l == "high" || l == "higher" { return .bigger }
    if l.hasPrefix("smaller") || l == "low" || l == "lower" { return .smaller }
    if l.hasPrefix("plan") { return .plan }
    return nil
  }
}
