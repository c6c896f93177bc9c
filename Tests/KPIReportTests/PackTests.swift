import Foundation
import KPIData
import KPIForecast
import KPIPlanning
import KPIStats
import Testing
@testable import KPIReport

/// The committee pack built from the engine: drafted facts checked against the engine's numbers,
/// exception selection, titles, groups, and the HTML/Markdown shapes.
@Suite struct PackTests {
  static func entry(_ id: String, title: String, unit: KPIUnit = .percent, polarity: Polarity, target: Double? = nil,
                    level: Double? = nil) -> CatalogueEntry {
    var e = CatalogueEntry(id: id, title: title, unit: unit, polarity: polarity, basis: .snapshot)
    e.frequency = .quarterly
    if let target { e.targets = ["2024/25": target] }
    if let level { e.interventionLevels = ["2024/25": level] }
    e.comparators = ["England": ["2023/24": 70]]
    return e
  }

  static func series(_ e: CatalogueEntry, _ values: [Double], geography: String? = nil) -> KPISeries {
    KPISeries(key: SeriesKey(indicator: e.id, geography: geography), frequency: .quarterly, start: Period(year: 2022, month: 3),
              values: values, unit: e.unit, unitSource: "catalogue", polarity: e.polarity, entry: e)
  }

  /// Three KPIs: one on track, one far short (an exception), one with an unreadable title.
  static func pack() -> CommitteePack {
    let good = entry("visits", title: "Visits in time <on time>", polarity: .bigger, target: 60, level: 50)
    let bad = entry("audits", title: "Audits judged good", polarity: .bigger, target: 90, level: 80)
    let ocr = entry("ocr-row", title: "TIOU KITOWITS", unit: .number, polarity: .smaller)
    let s = [series(good, [70, 72, 71, 73, 74, 72, 75, 74, 76]), series(bad, [60, 62, 58, 61, 59, 63, 60, 57, 58]),
             series(ocr, [5, 6, 5, 7, 6, 5, 6, 7, 6])]
    let forecasts = Forecaster.forecastAll(s, options: ForecastOptions(horizon: .toYearEnd))
    let outlooks = YearEndCalculator.outlooks(forecasts)
    var areas = ServiceAreas()
    areas.byKey = [SeriesKey(indicator: "audits"): "Quality Assurance", SeriesKey(indicator: "visits"): "Contact Activity"]
    areas.rowByKey = [SeriesKey(indicator: "audits"): 1, SeriesKey(indicator: "visits"): 5]
    return PackBuilder.build(PackBuilder.Inputs(forecasts: forecasts, outlooks: outlooks, spc: SeriesSPC.charts(s), areas: areas,
                                                authority: "BCP Council", date: "4 December 2026"))
  }

  @Test func draftedFactsMatchTheEngine() throws {
    let pack = Self.pack()
    #expect(pack.kpis.count == 3)
    for k in pack.kpis {
      let o = k.outlook, u = k.unit
      // The chance of meeting the target, as the engine computed it.
      if let p = o.probabilityOfMeetingTarget { #expect(k.reason.contains("There is \(Wording.chance(p)) of meeting the"), "\(k.reason)") }
      // The forecast and its 80% range.
      let (lo, hi) = o.interval(level: 80)
      #expect(k.reason.contains("is \(Wording.value(o.point, u)), with an 80% chance of lying between \(Wording.value(lo, u)) and \(Wording.value(hi, u))"))
      // The latest movement: the difference of the last two observations.
      let v = k.series.values
      let text = Wording.movement(v[v.count - 1] - v[v.count - 2], u)
      #expect(k.reason.contains("the value was \(Wording.value(v[v.count - 1], u)), \(text) on Q3 23/24"), "\(k.reason)")
      // The usual range quoted is the SPC chart's.
      if let last = k.spc.chart.points.last, !last.type.isSpecialCause {
        let (lo, hi) = (PackDrafter.shown(last.lpl, k.series), PackDrafter.shown(last.upl, k.series))
        #expect(lo >= (k.series.bounds.lower ?? -.infinity) && hi <= (k.series.bounds.upper ?? .infinity))
        #expect(k.reason.contains("\(Wording.value(lo, u)) to \(Wording.value(hi, u))"), "\(k.reason)")
      }
      // Never "a 8%".
      #expect(k.reason.range(of: #"\ba 8\d?%"#, options: .regularExpression) == nil)
    }
  }

  @Test func movementIsWordedFromTheData() throws {
    let k = try #require(Self.pack().kpis.first { $0.key.indicator == "visits" })
    // 74 → 76: "up 2.0 points on Q3 23/24".
    #expect(k.reason.contains("In Q4 23/24 the value was 76.0%, up 2.0 points on Q3 23/24"))
    #expect(k.reason.contains("better than the England average (70.0%, 2023/24)"))
  }

  @Test func exceptionsAreRedOrUnlikelyAmberAndFollowTheStatus() {
    let pack = Self.pack()
    for k in pack.kpis {
      let expected = k.status == .red || (k.status == .amber && (k.probabilityOfMeeting ?? 1) < 0.2)
      #expect(k.needsException == expected)
    }
    #expect(pack.exceptions.map(\.key.indicator) == ["audits"])
    #expect(pack.kpis.first { $0.key.indicator == "visits" }?.status == .green)
  }

  @Test func groupsTitlesAndQuarters() {
    let pack = Self.pack()
    #expect(pack.groups.map(\.name) == ["Quality Assurance", "Contact Activity", "Other indicators"])
    #expect(pack.kpis.map(\.number) == [1, 2, 3])
    #expect(pack.kpis.last?.title == "ocr-row")
    #expect(Wording.quarter(pack.quarter) == "Q4 23/24")
    #expect(pack.quarters.map(Wording.quarter) == ["Q4 22/23", "Q1 23/24", "Q2 23/24", "Q3 23/24", "Q4 23/24"])
    #expect(pack.kpis.first?.recent.count == 5)
    #expect(PackBuilder.isReadable("CIC reviews") && !PackBuilder.isReadable("TIOU KITOWITS"))
  }

  @Test func htmlHasARowAndAChartPerKPIAndNothingExternal() {
    let pack = Self.pack()
    let html = PackHTML.render(pack)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("content=\"default-src 'none'"))
    #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("url("))
    for k in pack.kpis {
      #expect(html.contains("<tr id=\"row-\(k.number)\" data-kpi=\"\(k.key.indicator)\""))
      #expect(html.contains("<article class=\"kpi-detail\" id=\"kpi-\(k.number)\""))
    }
    #expect(html.components(separatedBy: "class=\"chart\"").count - 1 == pack.kpis.count)
    #expect(html.contains("Visits in time &lt;on time&gt;") && !html.contains("<on time>"))
    #expect(html.contains("BCP Council") && html.contains("Quarter 4 2023/24") && html.contains("4 December 2026"))
    #expect(html.components(separatedBy: "<article class=\"exception\"").count - 1 == pack.exceptions.count)
    // Plain English in the body: model names only in the appendix.
    let body = html.components(separatedBy: "<section id=\"method\">")[0]
    for jargon in ["snaive", "ETS", "theta(", "regression(", "logit"] { #expect(!body.contains(jargon), "\(jargon) in the body") }
  }

  @Test func markdownTablesAreRectangular() {
    let md = PackMarkdown.render(Self.pack())
    var columns: Int?
    for line in md.split(separator: "\n") where line.hasPrefix("|") {
      let cells = line.replacingOccurrences(of: "\\|", with: "").split(separator: "|", omittingEmptySubsequences: false).count
      if line.hasPrefix("| KPI") || line.hasPrefix("| Indicator") { columns = cells; continue }
      #expect(cells == columns, "\(line)")
    }
    #expect(md.contains("## Exception performance reports"))
    #expect(md.contains("**Actions taken or planned to improve performance:** _for the service to complete_"))
  }
}
