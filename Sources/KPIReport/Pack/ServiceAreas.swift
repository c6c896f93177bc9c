import KPIData
import KPIForecast

/// The scorecard group of each series: the input's `area` or `section` column (the seeds' own
/// headings such as "Children in Care" or "Education"), else the catalogue title's prefix
/// ("Social Care: …" → Social Care), else "Other indicators". Generic headings ("Key
/// Performance Indicator", "Exception report") do not count as groups.
public struct ServiceAreas: Sendable {
  public var byKey: [SeriesKey: String]
  /// Group names in the order they first appear in the input.
  public var order: [String]
  /// The row of each series' latest heading, to order groups by the KPIs actually shown.
  public var rowByKey: [SeriesKey: Int] = [:]

  public init(byKey: [SeriesKey: String] = [:], order: [String] = []) {
    self.byKey = byKey
    self.order = order
  }

  static let generic: Set<String> = ["", "key performance indicator", "key performance indicators", "exception report", "exception reports", "kpi"]

  /// Reads the `area`/`section` columns of the input, if any: a series takes the heading of its
  /// latest row that has one (the most recent scorecard's), and groups are ordered as those
  /// latest headings first appear in the file.
  public static func from(_ set: ObservationSet) -> ServiceAreas {
    var latest = [SeriesKey: (period: Period, name: String, row: Int)]()
    for (row, o) in set.observations.enumerated() {
      let raw = (o.extra["area"] ?? o.extra["section"] ?? "").trimmingCharacters(in: .whitespaces)
      guard !generic.contains(raw.lowercased()) else { continue }
      let k = SeriesKey(indicator: o.indicator, geography: o.geography)
      if let l = latest[k], l.period > o.period { continue }
      latest[k] = (o.period, tidy(raw), row)
    }
    var firstRow = [String: Int]()
    for l in latest.values { firstRow[l.name] = min(firstRow[l.name] ?? l.row, l.row) }
    var out = ServiceAreas()
    out.byKey = latest.mapValues(\.name)
    out.rowByKey = latest.mapValues(\.row)
    out.order = firstRow.keys.sorted { (firstRow[$0] ?? 0, $0) < (firstRow[$1] ?? 0, $1) }
    return out
  }

  /// The group of a series (see the type's description).
  public func group(of s: KPISeries) -> String {
    if let g = byKey[s.key] ?? byKey[SeriesKey(indicator: s.key.indicator)] { return g }
    if let t = s.entry?.title, let colon = t.firstIndex(of: ":") {
      let prefix = t[..<colon].trimmingCharacters(in: .whitespaces)
      if !prefix.isEmpty && prefix.count <= 30 { return Self.tidy(prefix) }
    }
    return "Other indicators"
  }

  /// "CHILDREN IN CARE: EDUCATION" → "Children in Care: Education"; mixed case is kept.
  static func tidy(_ s: String) -> String {
    guard s == s.uppercased(), s.contains(where: \.isLetter) else { return s }
    let small: Set<String> = ["in", "of", "and", "the", "for", "to", "on", "at", "&"]
    return s.lowercased().split(separator: " ").enumerated().map { i, w in
      small.contains(String(w)) && i > 0 ? String(w) : w.prefix(1).uppercased() + w.dropFirst()
    }.joined(separator: " ")
  }
}
