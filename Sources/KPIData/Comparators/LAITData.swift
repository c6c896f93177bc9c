import Foundation

/// The DfE comparator data (read by path, never copied; see ../shared/data/README.md):
/// LAIT's long KPI file and measure dictionary, the 2025 statistical neighbours and Ofsted's
/// ILACS judgements. Authorities are keyed by LAIT's `old_la_code` (`839` = BCP).
public struct LAITData: Sendable {
  public struct Measure: Sendable, Equatable {
    public var code: String
    public var name: String
    /// LAIT polarity: `High` (bigger is better), `Low` (smaller is better), `-` or empty (context only).
    public var lait: String
    public var yearType: String
    public var unit: String

    /// The polarity in the catalogue's terms; nil for context measures.
    public var polarity: Polarity? { lait == "High" ? .bigger : lait == "Low" ? .smaller : nil }
  }

  public struct Authority: Sendable, Equatable {
    public var code: String
    public var name: String
    public var region: String
  }

  /// measure → period label → area key (`la:839`, `region:South West`, `england`) → value (nil = suppressed).
  public var values: [String: [String: [String: Double?]]]
  public var measures: [String: Measure]
  public var authorities: [String: Authority]
  /// old_la_code → its statistical neighbours (old_la_code), closest first.
  public var neighbours: [String: [String]]
  /// old_la_code → Ofsted overall effectiveness (by name match; nil when not inspected under ILACS).
  public var ofsted: [String: String]
  /// The files read, for messages.
  public var folder: String

  public static let longFile = "lait_childrens_kpis_long.csv"
  public static let measuresFile = "lait_childrens_kpis_measures.csv"
  public static let neighboursFile = "statistical_neighbours_2025_wide.csv"
  public static let ofstedFile = "ofsted_ilacs_judgements_2025-03-31.csv"

  /// Loads the four files from `folder` (e.g. `../shared/data/dfe`). Errors name file, row, column.
  public static func load(folder: String) throws -> LAITData {
    func path(_ f: String) -> String { (folder as NSString).appendingPathComponent(f) }
    func table(_ f: String, _ required: [String]) throws -> (rows: [CSVReader.Record], col: [String: Int]) {
      let recs = try CSVReader().read(path: path(f))
      guard let header = recs.first else { throw DataError.emptyFile(file: path(f)) }
      var col = [String: Int]()
      for (i, n) in header.fields.enumerated() { col[n.trimmingCharacters(in: .whitespaces)] = i }
      for r in required where col[r] == nil { throw DataError.missingColumn(file: path(f), column: r, header: header.fields) }
      return (Array(recs.dropFirst()), col)
    }
    func field(_ r: CSVReader.Record, _ col: [String: Int], _ n: String) -> String {
      guard let i = col[n], i < r.fields.count else { return "" }
      return r.fields[i].trimmingCharacters(in: .whitespaces)
    }
    var data = LAITData(values: [:], measures: [:], authorities: [:], neighbours: [:], ofsted: [:], folder: folder)
    let m = try table(measuresFile, ["measure_code", "measure", "polarity", "year_type", "unit"])
    for r in m.rows {
      let code = field(r, m.col, "measure_code")
      data.measures[code] = Measure(code: code, name: field(r, m.col, "measure"), lait: field(r, m.col, "polarity"),
                                    yearType: field(r, m.col, "year_type"), unit: field(r, m.col, "unit"))
    }
    let l = try table(longFile, ["measure_code", "period", "geographic_level", "area_name", "old_la_code", "region", "value"])
    for r in l.rows {
      let level = field(r, l.col, "geographic_level").lowercased()
      let name = field(r, l.col, "area_name")
      let key: String
      switch level {
      case "local authority":
        let code = field(r, l.col, "old_la_code")
        key = "la:\(code)"
        if data.authorities[code] == nil { data.authorities[code] = Authority(code: code, name: name, region: field(r, l.col, "region")) }
      case "regional": key = "region:\(name)"
      case "national": key = "england"
      default: continue
      }
      let text = field(r, l.col, "value")
      var value: Double?
      if !text.isEmpty {
        guard let v = ObservationReader.parseNumber(text) else {
          throw DataError.unparsableValue(InputLocation(file: path(longFile), row: r.line, column: "value"), text: text)
        }
        value = v
      }
      data.values[field(r, l.col, "measure_code"), default: [:]][field(r, l.col, "period"), default: [:]][key] = .some(value)
    }
    let s = try table(neighboursFile, ["old_la_code"])
    for r in s.rows {
      let code = field(r, s.col, "old_la_code")
      data.neighbours[code] = (1...10).map { field(r, s.col, "SN_\($0)") }.filter { !$0.isEmpty }
    }
    let o = try table(ofstedFile, ["Local authority name", "Overall effectiveness"])
    var byName = [String: String]()
    for r in o.rows { byName[normalisedName(field(r, o.col, "Local authority name"))] = field(r, o.col, "Overall effectiveness") }
    for (code, a) in data.authorities { if let j = byName[normalisedName(a.name)] { data.ofsted[code] = j } }
    return data
  }

  /// Names compared across DfE and Ofsted files: lower case, `&` = `and`, `, City of` and
  /// ` Borough` dropped, letters only (`Bournemouth, Christchurch & Poole` = `Bournemouth,
  /// Christchurch and Poole`; `Bedford Borough` = `Bedford`).
  public static func normalisedName(_ s: String) -> String {
    var t = s.lowercased().replacingOccurrences(of: "&", with: "and")
    for suffix in [", city of", ", county of", " borough"] where t.hasSuffix(suffix) { t = String(t.dropLast(suffix.count)) }
    for prefix in ["city of ", "county of "] where t.hasPrefix(prefix) { t = String(t.dropFirst(prefix.count)) }
    return String(t.filter { $0.isLetter && $0.isASCII })
  }

  /// Finds an authority by old LA code (`839`), or by a unique part of its name (`Poole`).
  public func authority(_ query: String) -> Authority? {
    if let a = authorities[query] { return a }
    let q = Self.normalisedName(query)
    let hits = authorities.values.filter { Self.normalisedName($0.name).contains(q) && !$0.name.contains("Pre LG") }
    if hits.count == 1 { return hits[0] }
    let exact = authorities.values.filter { Self.normalisedName($0.name) == q }
    return exact.count == 1 ? exact[0] : nil
  }

  /// Authorities LAIT lists as "(Pre LG)" whose name is part of `a`'s name and in its region:
  /// Bournemouth (837) and Poole (836) for BCP (839).
  public func predecessors(of a: Authority) -> [Authority] {
    authorities.values.filter { p in
      guard p.name.hasSuffix("(Pre LG)"), p.region == a.region, p.code != a.code else { return false }
      let base = p.name.replacingOccurrences(of: "(Pre LG)", with: "").trimmingCharacters(in: .whitespaces)
      return a.name.contains(base)
    }.sorted { $0.code < $1.code }
  }
}
