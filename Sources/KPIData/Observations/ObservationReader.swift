import Foundation

/// Reads the tidy observations CSV of DESIGN §3: `indicator,period,value` required; optional
/// `geography`, `status`, `unit`, `polarity`; any other columns kept in `extra`. Header names are
/// matched case-insensitively. Every error names file, row, column and text.
public enum ObservationReader {
  /// Markers read as a missing value (case-insensitive), besides the empty cell.
  public static let missingMarkers: Set<String> = ["na", "n/a", "nan", "-", "..", ".", "x", "c", "tbc", "null", "missing", "z", "u"]

  public static func read(path: String) throws -> ObservationSet {
    let records = try CSVReader().records(path: path)
    return try parse(records: records, file: InputFile.displayName(path))
  }

  public static func parse(text: String, file: String = "<input>") throws -> ObservationSet {
    try parse(records: CSVReader().records(text: text, file: file), file: file)
  }

  /// Parses records already read (so standard input is read once), on demand from bytes or in
  /// an array. A header alone is an error ("no data rows").
  public static func parse(records: some CSVRecordSource, file: String) throws -> ObservationSet {
    guard let header = records.first else { throw DataError.emptyFile(file: file) }
    let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
    let lower = names.map { $0.lowercased() }
    func index(_ n: String) -> Int? { lower.firstIndex(of: n) }
    guard let iInd = index("indicator") else { throw DataError.missingColumn(file: file, column: "indicator", header: names) }
    guard let iPer = index("period") else { throw DataError.missingColumn(file: file, column: "period", header: names) }
    guard let iVal = index("value") else { throw DataError.missingColumn(file: file, column: "value", header: names) }
    let iGeo = index("geography"), iStatus = index("status"), iUnit = index("unit"), iPol = index("polarity")
    let known = Set([iInd, iPer, iVal, iGeo, iStatus, iUnit, iPol].compactMap { $0 })
    let extraIdx = names.indices.filter { !known.contains($0) }
    var seen = DuplicateTracker()
    var extras = ExtraColumnCache(names: names, indices: extraIdx)
    var out = [Observation]()
    out.reserveCapacity(records.recordBound)
    var dataRows = 0
    for rec in records.dropFirst() {
      dataRows += 1
      let f = rec.fields
      if f.count != names.count {
        // A trailing empty field from a trailing delimiter is tolerated; anything else is an error.
        if !(f.count == names.count + 1 && f.last == "") {
          throw DataError.wrongFieldCount(file: file, row: rec.line, expected: names.count, found: f.count)
        }
      }
      func cell(_ i: Int) -> String { trimmed(f[i]) }
      func loc(_ i: Int) -> InputLocation { InputLocation(file: file, row: rec.line, column: names[i]) }
      let indicator = cell(iInd)
      if indicator.isEmpty { throw DataError.emptyField(loc(iInd)) }
      let pText = cell(iPer)
      guard let parsed = Period.parse(pText) else { throw DataError.unparsablePeriod(loc(iPer), text: pText) }
      let vText = cell(iVal)
      let value: Double?
      var missingText: String?
      if vText.isEmpty || isMissingMarker(vText) {
        value = nil
        if !vText.isEmpty { missingText = vText }
      } else {
        guard let v = parseNumber(vText) else { throw DataError.unparsableValue(loc(iVal), text: vText) }
        value = v
      }
      var unit: KPIUnit?
      if let i = iUnit, !cell(i).isEmpty {
        guard let u = KPIUnit(rawValue: cell(i).lowercased()) else {
          throw DataError.invalid(loc(i), message: "'\(cell(i))' is not a unit; use percent, count, rate, days or number")
        }
        unit = u
      }
      var polarity: Polarity?
      if let i = iPol, !cell(i).isEmpty {
        guard let p = parsePolarity(cell(i)) else {
          throw DataError.invalid(loc(i), message: "'\(cell(i))' is not a polarity; use bigger, smaller or plan")
        }
        polarity = p
      }
      let geo = iGeo.map(cell).flatMap { $0.isEmpty ? nil : $0 }
      if let first = seen.firstRow(indicator: indicator, geography: geo, month: parsed.period.monthIndex, row: rec.line) {
        throw DataError.duplicateObservation(loc(iPer), firstRow: first,
          key: "indicator '\(indicator)'\(geo.map { ", geography '\($0)'" } ?? ""), period \(parsed.period)")
      }
      let extra = extras.extra(f)
      out.append(Observation(indicator: indicator, geography: geo, period: parsed.period, impliedFrequency: parsed.impliedFrequency,
                             value: value, status: iStatus.map(cell).flatMap { $0.isEmpty ? nil : $0 }, unit: unit,
                             polarity: polarity, row: rec.line, extra: extra, missingText: missingText))
    }
    guard dataRows > 0 else { throw DataError.noDataRows(file: file) }
    return ObservationSet(file: file, observations: out, hasGeography: iGeo != nil, extraColumns: extraIdx.map { names[$0] })
  }

  /// Removes leading and trailing spaces and tabs (fast path: no copy when there are none).
  static func trimmed(_ s: String) -> String {
    let u = s.utf8
    guard let f = u.first, let l = u.last else { return s }
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
