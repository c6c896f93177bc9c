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
    // Rows grouped by series as indices (no copy of the observations: a national file holds
    // over a million rows).
    struct GroupKey: Hashable { var indicator: String; var geography: String? }
    var groupOf = [GroupKey: Int](), members = [[Int]](), names = [String]()
    for (i, o) in set.observations.enumerated() {
      let key = GroupKey(indicator: o.indicator, geography: o.geography)
      if let g = groupOf[key] { members[g].append(i); continue }
      groupOf[key] = members.count
      members.append([i])
      names.append(o.indicator + (o.geography.map { " (\($0))" } ?? ""))
    }
    var mixed = [String](), future = [String](), missing = [String]()
    var futureCount = 0, missingCount = 0, markerCounts = [String: Int]()
    for (g, idx) in members.enumerated() {
      let k = names[g]
      let first = set.observations[idx[0]]
      if catalogue[first.indicator]?.frequency == nil, idx.count >= 4,
         let m = mixedFrequency(idx.map { set.observations[$0] }) { mixed.append("\(k): \(m)") }
      var lateCount = 0, latest: Observation?
      var gone = [Observation]()
      for i in idx {
        let o = set.observations[i]
        if o.period > today {
          lateCount += 1
          if latest.map({ o.period > $0.period }) ?? true { latest = o }
        }
        if o.missingText != nil { gone.append(o) }
      }
      if let last = latest {
        futureCount += lateCount
        future.append("\(k): \(lateCount) row(s) after today (\(today)), the latest \(last.period) at row \(last.row)")
      }
      if !gone.isEmpty {
        missingCount += gone.count
        for o in gone { markerCounts[o.missingText ?? "", default: 0] += 1 }
        let listed = gone.prefix(4).map { "'\($0.missingText ?? "")' at row \($0.row)" }.joined(separator: ", ")
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

  /// The basis column's text in a row (`column` from ``basisColumn(_:)``).
  static func basisText(_ o: Observation, column: String?) -> String? {
    guard let column, let v = o.extra[column]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
    return v
  }

  /// One indicator with two units, polarities or reporting bases in the file is an error at the second row.
  static func checkColumnsAgainstEachOther(_ set: ObservationSet) throws {
    var units = [String: (KPIUnit, Int)](), pols = [String: (Polarity, Int)](), bases = [String: (ReportingBasis, Int)]()
    let basis = basisColumn(set)
    for o in set.observations {
      if let u = o.unit {
        if let (first, row) = units[o.indicator], first != u {
          throw DataError.invalid(InputLocation(file: set.file, row: o.row, column: "unit"),
            message: "indicator '\(o.indicator)' is given unit '\(u.rawValue)' here but '\(first.rawValue)' at row \(row); one indicator has one unit")
        }
        if units[o.indicator] == nil { units[o.indicator] = (u, o.row) }
      }
      if let p = o.polarity {
        if let (first, row) = pols[o.indicator], first != p {
          throw DataError.invalid(InputLocation(file: set.file, row: o.row, column: "polarity"),
            message: "indicator '\(o.indicator)' is given polarity '\(p.rawValue)' here but '\(first.rawValue)' at row \(row); one indicator has one polarity")
        }
        if pols[o.indicator] == nil { pols[o.indicator] = (p, o.row) }
      }
      if let t = basisText(o, column: basis), let b = ReportingBasis.parse(t) {
        if let (first, row) = bases[o.indicator], first != b {
          throw DataError.invalid(InputLocation(file: set.file, row: o.row, column: "basis"),
            message: "indicator '\(o.indicator)' is given basis '\(b.rawValue)' here but '\(first.rawValue)' at row \(row); one indicator has one reporting basis")
        }
        if bases[o.indicator] == nil { bases[o.indicator] = (b, o.row) }
      }
    }
  }

  /// Notes where the file's unit, polarity or basis column differs from the catalogue (whose value is used).
  static func catalogueConflicts(_ set: ObservationSet, catalogue: Catalogue) -> [String] {
    var notes = [String](), said = Set<String>()
    let basis = basisColumn(set)
    for o in set.observations {
      guard let e = catalogue[o.indicator] else { continue }
      func say(_ column: String, _ given: String, _ used: String) {
        guard said.insert("\(o.indicator)|\(column)").inserted else { return }
        notes.append("\(o.indicator): the input's \(column) column says '\(given)' (row \(o.row)) but the catalogue says '\(used)'; the catalogue's \(column) is used")
      }
      if let u = o.unit, u != e.unit { say("unit", u.rawValue, e.unit.rawValue) }
      if let p = o.polarity, let cp = e.polarity, p != cp { say("polarity", p.rawValue, cp.rawValue) }
      if let t = basisText(o, column: basis), let b = ReportingBasis.parse(t), let cb = e.basis, b != cb { say("basis", b.rawValue, cb.rawValue) }
    }
    return notes
  }

  /// Rows a month apart and rows three months apart (in a run of three or more) in one series.
  static func mixedFrequency(_ obs: [Observation]) -> String? {
    guard obs.allSatisfy({ $0.impliedFrequency == nil }), obs.count >= 4 else { return nil }
    let sorted = obs.sorted { $0.period < $1.period }
    var monthly: (Int, Int)?, quarterly: (Int, Int)?
    for i in 1..<sorted.count {
      let gap = sorted[i].period.monthIndex - sorted[i - 1].period.monthIndex
      if gap == 1, monthly == nil { monthly = (sorted[i - 1].row, sorted[i].row) }
      if gap == 3, i >= 2, sorted[i - 1].period.monthIndex - sorted[i - 2].period.monthIndex == 3, quarterly == nil {
        quarterly = (sorted[i - 2].row, sorted[i].row)
      }
    }
    guard let m = monthly, let q = quarterly else { return nil }
    return "rows \(q.0) to \(q.1) are three months apart (quarterly) but rows \(m.0) and \(m.1) are one month apart (monthly)"
  }
}
