import Foundation

/// A header row: one classification per column, the period all value columns share for
/// comparators, and the section name printed in it (002's `CHILDREN IN CARE: VOLUME`).
public struct ScorecardHeader: Sendable, Equatable {
  public var columns: [ScorecardColumn]
  public var line: Int
  public var section: String?
  /// The headers as printed.
  public var names: [String]

  /// Indices of value columns.
  public var valueColumns: [Int] { columns.indices.filter { if case .value = columns[$0] { return true }; return false } }
  public var firstValueColumn: Int? { columns.indices.first { if case .value = columns[$0] { return true }; if case .comparator = columns[$0] { return true }; return false } }
  /// The latest period of the value columns: comparators are dated by it.
  public var latestPeriod: Period? {
    columns.compactMap { if case .value(_, let p, _) = $0 { return p }; return nil }.max()
  }

  /// A short description of the layout for the import report.
  public var layoutDescription: String {
    let roles = Set(columns.compactMap { c -> ScorecardRole? in if case .value(let r, _, _) = c { return r }; return nil })
    let periods = Set(columns.compactMap { c -> Period? in if case .value(_, let p, _) = c { return p }; return nil }).sorted()
    let comps = columns.compactMap { c -> String? in if case .comparator(let n, _) = c { return n }; return nil }
    var s = "\(periods.count) period(s) \(periods.first.map(\.description) ?? "")…\(periods.last.map(\.description) ?? ""); roles: "
    s += ScorecardRole.allCases.filter { roles.contains($0) }.map(\.rawValue).joined(separator: ", ")
    if !comps.isEmpty { s += "; comparators: " + comps.joined(separator: ", ") }
    if columns.contains(.polarity) { s += "; polarity" }
    if columns.contains(.basis) { s += "; reporting basis" }
    if columns.contains(.definition) { s += "; definitions" }
    return s
  }

  /// Classifies a row as a header: it is one when at least two cells name a period (with a role).
  public static func parse(_ cells: [String], line: Int) -> ScorecardHeader? {
    // Cheap pre-check: a period header is short and holds a digit.
    var candidates = 0
    func periodLike(_ c: String) -> Bool {
      guard c.utf8.count <= 48 else { return false }
      var digit = false, letterOrSlash = false
      for b in c.utf8 {
        if b >= 48 && b <= 57 { digit = true } else if b == 47 || (b | 0x20) >= 97 && (b | 0x20) <= 122 { letterOrSlash = true }
      }
      return digit && letterOrSlash
    }
    for c in cells where periodLike(c) {
      candidates += 1
      if candidates >= 2 { break }
    }
    guard candidates >= 2 else { return nil }
    var columns = [ScorecardColumn]()
    var periodCount = 0
    var section: String?
    for (i, raw) in cells.enumerated() {
      let c = classify(raw)
      if case .value = c { periodCount += 1 }
      if case .text(let t) = c, i == 0, !t.isEmpty, !isCommentary(t) {
        // 002 prints the section name where the label header would be.
        section = t
        columns.append(.label)
        continue
      }
      columns.append(c)
    }
    guard periodCount >= 2 else { return nil }
    return ScorecardHeader(columns: columns, line: line, section: section, names: cells.map(FastText.trim))
  }

  static func isCommentary(_ t: String) -> Bool {
    let l = t.lowercased()
    return ["reason", "action", "comment", "rag", "trend", "direction", "note", "status", "dot", "exception"].contains { l.contains($0) }
  }

  /// Classifies one header cell.
  public static func classify(_ raw: String) -> ScorecardColumn {
    let t = FastText.trim(raw)
    if t.isEmpty { return .unnamed }
    let l = t.lowercased().split(separator: " ").joined(separator: " ")
    if let v = valueColumn(l, label: t) { return v }
    if ["measure", "key performance indicator", "indicator", "kpi", "indicator description", "performance indicator", "measure name"].contains(l) {
      return .label
    }
    if l.contains("high/low") || l.hasPrefix("polarity") || l.hasPrefix("good performance") || l == "good is" { return .polarity }
    if l.contains("reporting basis") || l == "basis" { return .basis }
    if l.hasPrefix("definition") { return .definition }
    if l.contains("average") || l.contains("comparator") || l == "england" || l == "national" || l.contains("statistical neighbour") {
      return .comparator(name: comparatorName(t), label: t)
    }
    return .text(t)
  }

  /// `England Average` → `England`; `Good/ Outstanding Average` → `Good/Outstanding`; `National
  /// average` → `England`; `Comparator Group` → `Comparator group`.
  public static func comparatorName(_ raw: String) -> String {
    var t = raw.trimmingCharacters(in: .whitespaces)
    let l = t.lowercased()
    if l.contains("comparator") { return "Comparator group" }
    if l.contains("national") || l.hasPrefix("england") { return "England" }
    if l.contains("statistical neighbour") { return "Statistical neighbours" }
    if l.contains("good") && l.contains("outstanding") { return "Good/Outstanding" }
    for suffix in [" average", " avg", " mean"] where t.lowercased().hasSuffix(suffix) { t = String(t.dropLast(suffix.count)) }
    return t.replacingOccurrences(of: "/ ", with: "/").trimmingCharacters(in: .whitespaces)
  }

  /// `Q1 Target 2022/23`, `Q2 Intervention Level 2022/23`, `Q1 Outturn 2022/23`, `Q1 2019/20`,
  /// `Mar-23`, `Actual Mar-24`, `Target Mar-24`, `2022/23 Q2 Target`.
  static func valueColumn(_ l: String, label: String) -> ScorecardColumn? {
    var role = ScorecardRole.outturn
    var rest = " " + l + " "
    let roleWords: [(String, ScorecardRole)] = [
      (" intervention level ", .interventionLevel), (" intervention ", .interventionLevel), (" tolerance ", .interventionLevel),
      (" target ", .target), (" outturn ", .outturn), (" actual ", .outturn), (" value ", .outturn), (" performance ", .outturn),
    ]
    var found = false
    for (w, r) in roleWords where rest.contains(w) {
      role = r
      rest = rest.replacingOccurrences(of: w, with: " ")
      found = true
      break
    }
    let periodText = rest.split(separator: " ").joined(separator: " ")
    guard !periodText.isEmpty, let p = Period.parse(periodText) else { return nil }
    // A bare year (`2025`) alone is too weak a sign of a period column unless a role is named.
    if p.impliedFrequency == .annual && !periodText.contains("/") && !found { return nil }
    return .value(role: role, period: p.period, label: label)
  }
}
