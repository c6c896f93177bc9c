import Foundation

/// Checks a read observations file for what the reader accepted but the user should hear about
/// (issue 13): contradictions inside the file are errors (one indicator given two units or two
/// polarities); conflicts with the catalogue, monthly and quarterly rows mixed in one series,
/// periods after today and value cells read as missing are notes. Nothing is silent.
public enum ObservationChecks {
  /// Most series named one by one in a note; more are counted with examples.
  static let namedSeries = 5

  /// Throws for contradictions; returns the notes, in file order.
  public static func check(_ set: ObservationSet, catalogue: Catalogue, today: Period) throws -> [String] {
    var notes = [String]()
    try checkColumnsAgainstEachOther(set)
    notes += catalogueConflicts(set, catalogue: catalogue)
    // Rows grouped by series as indices (no copy of the rows: a national file holds millions).
    let groups = set.groups
    let todayMonth = today.monthIndex
    var mixed = [String](), future = [String](), missing = [String]()
    var futureCount = 0, missingCount = 0, markerCounts = [String: Int]()
    for g in set.seriesNames.indices {
      let idx = groups.rows(of: g)
      guard !idx.isEmpty else { continue }
      let name = set.seriesNames[g], k = name.description
      if catalogue[name.indicator]?.frequency == nil, idx.count >= 4,
         let m = mixedFrequency(idx.map { set.rows[Int($0)] }, details: set.details) { mixed.append("\(k): \(m)") }
      var lateCount = 0, latest: ObservationRow?
      var gone = [ObservationRow]()
      for i in idx {
        let o = set.rows[Int(i)]
        if Int(o.month) > todayMonth {
          lateCount += 1
          if latest.map({ o.month > $0.month }) ?? true { latest = o }
        }
        if set.details[Int(o.detail)].missingText != nil { gone.append(o) }
      }
      if let last = latest {
        futureCount += lateCount
        future.append("\(k): \(lateCount) row(s) after today (\(today)), the latest \(last.period) at row \(last.row)")
      }
      if !gone.isEmpty {
        func marker(_ o: ObservationRow) -> String { set.details[Int(o.detail)].missingText ?? "" }
        missingCount += gone.count
        for o in gone { markerCounts[marker(o), default: 0] += 1 }
        let listed = gone.prefix(4).map { "'\(marker($0))' at row \($0.row)" }.joined(separator: ", ")
        missing.append("\(k): \(gone.count) value(s) read as missing (\(listed)\(gone.count > 4 ? ", …" : ""))")
      }
    }
    notes += mixed.map { "\($0); read as one monthly series with gaps — if these are two measures, give them different indicator names" }
    if future.count > namedSeries {
      notes.append("\(futureCount) rows in \(future.count) series are dated after today (\(today)), e.g. \(future.prefix(2).joined(separator: "; ")); check the dates")
    } else {
      notes += future.map { "\($0); check the dates" }
    }
    if missing.count > namedSeries {
      let markers = markerCounts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "'\($0.key)' ×\($0.value)" }.joined(separator: ", ")
      notes.append("\(missingCount) value cells in \(missing.count) series read as missing (\(markers)), e.g. \(missing[0])")
    } else {
      notes += missing
    }
    return notes
  }

  /// The file's basis column (any case), if it has one.
  static func basisColumn(_ set: ObservationSet) -> String? { set.extraColumns.first { $0.lowercased() == "basis" } }

  /// Each detail's reporting basis, read from the basis column's text (nil when there is no
  /// such column, the cell is blank or not a basis). A repeated column name reads its last
  /// cell, as a row's `extra` does.
  static func bases(_ set: ObservationSet) -> [ReportingBasis?] {
    guard let column = basisColumn(set), let k = set.extraColumns.lastIndex(of: column) else {
      return Array(repeating: nil, count: set.details.count)
    }
    return set.details.map { d in
      guard k < d.extras.count else { return nil }
      let v = d.extras[k].trimmingCharacters(in: .whitespaces)
      return v.isEmpty ? nil : ReportingBasis.parse(v)
    }
  }

  /// One indicator with two units, polarities or reporting bases in the file is an error at the second row.
  static func checkColumnsAgainstEachOther(_ set: ObservationSet) throws {
    // Indicators numbered once per series, so each row costs array look-ups, not hashing.
    var indicatorIDs = [String: Int](), indicators = [String]()
    let indicatorOf = set.seriesNames.map { name -> Int in
      if let i = indicatorIDs[name.indicator] { return i }
      indicatorIDs[name.indicator] = indicators.count
      indicators.append(name.indicator)
      return indicators.count - 1
    }
    var units = [(KPIUnit, Int)?](repeating: nil, count: indicators.count)
    var pols = [(Polarity, Int)?](repeating: nil, count: indicators.count)
    var bases = [(ReportingBasis, Int)?](repeating: nil, count: indicators.count)
    let basisOf = Self.bases(set)
    for r in set.rows {
      let d = set.details[Int(r.detail)], basis = basisOf[Int(r.detail)]
      guard d.unit != nil || d.polarity != nil || basis != nil else { continue }
      let id = indicatorOf[Int(r.series)], indicator = indicators[id]
      if let u = d.unit {
        if let (first, row) = units[id], first != u {
          throw DataError.invalid(InputLocation(file: set.file, row: r.row, column: "unit"),
            message: "indicator '\(indicator)' is given unit '\(u.rawValue)' here but '\(first.rawValue)' at row \(row); one indicator has one unit")
        }
        if units[id] == nil { units[id] = (u, r.row) }
      }
      if let p = d.polarity {
        if let (first, row) = pols[id], first != p {
          throw DataError.invalid(InputLocation(file: set.file, row: r.row, column: "polarity"),
            message: "indicator '\(indicator)' is given polarity '\(p.rawValue)' here but '\(first.rawValue)' at row \(row); one indicator has one polarity")
        }
        if pols[id] == nil { pols[id] = (p, r.row) }
      }
      if let b = basis {
        if let (first, row) = bases[id], first != b {
          throw DataError.invalid(InputLocation(file: set.file, row: r.row, column: "basis"),
            message: "indicator '\(indicator)' is given basis '\(b.rawValue)' here but '\(first.rawValue)' at row \(row); one indicator has one reporting basis")
        }
        if bases[id] == nil { bases[id] = (b, r.row) }
      }
    }
  }

  /// Notes where the file's unit, polarity or basis column differs from the catalogue (whose value is used).
  static func catalogueConflicts(_ set: ObservationSet, catalogue: Catalogue) -> [String] {
    var notes = [String](), said = Set<String>()
    let basisOf = bases(set)
    let entries = set.seriesNames.map { catalogue[$0.indicator] }
    for r in set.rows {
      guard let e = entries[Int(r.series)] else { continue }
      let d = set.details[Int(r.detail)], indicator = set.seriesNames[Int(r.series)].indicator
      func say(_ column: String, _ given: String, _ used: String) {
        guard said.insert("\(indicator)|\(column)").inserted else { return }
        notes.append("\(indicator): the input's \(column) column says '\(given)' (row \(r.row)) but the catalogue says '\(used)'; the catalogue's \(column) is used")
      }
      if let u = d.unit, u != e.unit { say("unit", u.rawValue, e.unit.rawValue) }
      if let p = d.polarity, let cp = e.polarity, p != cp { say("polarity", p.rawValue, cp.rawValue) }
      if let b = basisOf[Int(r.detail)], let cb = e.basis, b != cb { say("basis", b.rawValue, cb.rawValue) }
    }
    return notes
  }

  /// Rows a month apart and rows three months apart (in a run of three or more) in one series.
  static func mixedFrequency(_ rows: [ObservationRow], details: [ObservationDetail]) -> String? {
    guard rows.allSatisfy({ details[Int($0.detail)].impliedFrequency == nil }), rows.count >= 4 else { return nil }
    let sorted = rows.sorted { $0.month < $1.month }
    var monthly: (Int, Int)?, quarterly: (Int, Int)?
    for i in 1..<sorted.count {
      let gap = sorted[i].month - sorted[i - 1].month
      if gap == 1, monthly == nil { monthly = (sorted[i - 1].row, sorted[i].row) }
      if gap == 3, i >= 2, sorted[i - 1].month - sorted[i - 2].month == 3, quarterly == nil {
        quarterly = (sorted[i - 2].row, sorted[i].row)
      }
    }
    guard let m = monthly, let q = quarterly else { return nil }
    return "rows \(q.0) to \(q.1) are three months apart (quarterly) but rows \(m.0) and \(m.1) are one month apart (monthly)"
  }
}
