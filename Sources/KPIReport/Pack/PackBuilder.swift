import Foundation
import KPIData
import KPIForecast
import KPIPlanning
import KPIStats

/// Assembles the committee pack from the engine's answers: the forecasts and year-end outlooks
/// (``YearEndCalculator``) and the SPC charts (``SeriesSPC``) of the authority's series, plus the
/// comparator series in the input. It arranges and words; it computes no statistics.
public enum PackBuilder {
  /// What the pack is built from.
  public struct Inputs: Sendable {
    public var forecasts: [SeriesForecast]
    public var outlooks: [YearEndOutlook]
    public var spc: [SeriesSPC]
    /// Comparator series (England, region …) of the same indicators.
    public var comparators: [KPISeries]
    public var areas: ServiceAreas
    public var authority: String
    public var date: String
    public var title: String?

    public init(forecasts: [SeriesForecast], outlooks: [YearEndOutlook], spc: [SeriesSPC], comparators: [KPISeries] = [],
                areas: ServiceAreas = ServiceAreas(), authority: String, date: String, title: String? = nil) {
      self.forecasts = forecasts
      self.outlooks = outlooks
      self.spc = spc
      self.comparators = comparators
      self.areas = areas
      self.authority = authority
      self.date = date
      self.title = title
    }
  }

  public static func build(_ inp: Inputs) -> CommitteePack {
    let outlook = Dictionary(inp.outlooks.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
    let spc = Dictionary(inp.spc.map { ($0.series.key, $0) }, uniquingKeysWith: { a, _ in a })
    let lastPeriods = inp.forecasts.compactMap { f in f.series.values.lastIndex(where: \.isFinite).map { f.series.period(at: $0) } }
    // The pack's quarter: the latest quarter-end with data.
    let latest = lastPeriods.max() ?? Period(year: 2000, month: 3)
    let quarter = Period(monthIndex: latest.monthIndex - ((latest.month - 3 + 12) % 3))
    let quarters = (0..<5).map { quarter.advanced(by: -3 * (4 - $0)) }
    var groups = [String: [PackKPI]]()
    var notRecent = [(title: String, key: String, last: String)]()
    var used = [YearEndOutlook]()
    for f in inp.forecasts {
      let s = f.series
      let title = displayTitle(s)
      guard let li = s.values.lastIndex(where: \.isFinite) else { continue }
      let lastPeriod = s.period(at: li)
      guard lastPeriod >= quarters[0], let o = outlook[s.key], let chart = spc[s.key] else {
        notRecent.append((title, s.key.indicator, "\(Wording.value(s.values[li], s.unit)) in \(Wording.period(lastPeriod, s.frequency))"))
        continue
      }
      used.append(o)
      let recent: [Double?] = quarters.map { q in
        let d = q.monthIndex - s.start.monthIndex
        guard d >= 0, d % s.frequency.monthsPerStep == 0 else { return nil }
        let i = d / s.frequency.monthsPerStep
        return i < s.values.count && s.values[i].isFinite ? s.values[i] : nil
      }
      let comp = comparator(for: s, at: lastPeriod, series: inp.comparators)
      let kpi = PackKPI(key: s.key, title: title, group: inp.areas.group(of: s), forecast: f, outlook: o, spc: chart, recent: recent,
                        comparator: comp, reason: PackDrafter.reason(series: s, outlook: o, spc: chart, comparator: comp), number: 0)
      groups[kpi.group, default: []].append(kpi)
    }
    // Groups in the order their KPIs' headings appear in the input; inferred groups after, "Other" last.
    func rank(_ g: String) -> (Int, Int, String) {
      let rows = (groups[g] ?? []).compactMap { inp.areas.rowByKey[$0.key] }
      return (g == "Other indicators" ? 2 : rows.isEmpty ? 1 : 0, rows.min() ?? 0, g)
    }
    let order = groups.keys.sorted { rank($0) < rank($1) }
    var n = 0
    let ordered: [(name: String, kpis: [PackKPI])] = order.map { g in
      (g, (groups[g] ?? []).map { k in n += 1; var k = k; k.number = n; return k })
    }
    let title = inp.title ?? "Children's services performance: \(Wording.quarterLong(quarter))"
    var method = Notes.grouped(used)
    var models = [String: Int]()
    for o in used { models[o.model, default: 0] += 1 }
    method.insert(contentsOf: models.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.value) KPI\($0.value == 1 ? "" : "s"): \($0.key)" }, at: 0)
    return CommitteePack(authority: inp.authority, title: title, quarter: quarter, date: inp.date, quarters: quarters, groups: ordered,
                         notRecent: notRecent.sorted { $0.title < $1.title }, methodNotes: method)
  }

  /// The catalogue title, unless it is unreadable (text-recognition debris such as "TIOU
  /// KITOWITS": capitals only, no digits); then a readable alias, else the indicator id.
  public static func displayTitle(_ s: KPISeries) -> String {
    let candidates = [s.entry?.title].compactMap { $0 } + (s.entry?.aliases ?? [])
    if let t = candidates.first(where: isReadable) { return t }
    return s.key.indicator
  }

  /// A title with lower-case letters (or a short acronym) reads as words.
  public static func isReadable(_ t: String) -> Bool {
    let letters = t.filter(\.isLetter)
    return letters.contains(where: \.isLowercase) || letters.count <= 6
  }

  /// The comparator shown for a KPI: an input series of the same indicator (England first) at its
  /// latest period, else the catalogue's latest published comparator (England first).
  static func comparator(for s: KPISeries, at p: Period, series: [KPISeries]) -> PackComparator? {
    let rank: (GeographyKind) -> Int = { [.england, .region, .neighbours, .goodOutstanding, .authority].firstIndex(of: $0) ?? 9 }
    let same = series.filter { $0.key.indicator == s.key.indicator && $0.key != s.key }
      .sorted { (rank(GeographyKind(name: $0.key.geography)), $0.key) < (rank(GeographyKind(name: $1.key.geography)), $1.key) }
    for c in same {
      let d = p.monthIndex - c.start.monthIndex
      guard d >= 0, d % c.frequency.monthsPerStep == 0 else { continue }
      let i = d / c.frequency.monthsPerStep
      if i < c.values.count, c.values[i].isFinite {
        return PackComparator(name: c.key.geography ?? "comparator", value: c.values[i], when: Wording.period(p, c.frequency), period: p)
      }
    }
    let published = (s.entry?.comparators ?? [:]).sorted {
      (rank(GeographyKind(name: $0.key)), $0.key) < (rank(GeographyKind(name: $1.key)), $1.key)
    }
    for (name, byYear) in published {
      let best = byYear.compactMap { k, v -> (Period, String, Double)? in
        guard let pp = Period.parse(k)?.period, pp <= p.nextMarch else { return nil }
        return (pp, k, v)
      }.max { $0.0 < $1.0 }
      if let (pp, k, v) = best {
        return PackComparator(name: name.replacingOccurrences(of: "_", with: " "), value: v, when: k, period: pp)
      }
    }
    return nil
  }
}
