import Foundation
import Testing
import KPIData
import KPIForecast
import KPIPlanning
@testable import KPIRecord
import Yams

/// The workshop record: migrations, transactions under concurrent writers, vintages kept once,
/// exports, and the review's scoring.
@Suite struct RecordStoreTests {
  static func tempDB() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("kpi-record-\(UUID().uuidString).sqlite").path
  }

  static func decision(_ k: Int, indicator: String = "re-referrals", year: String = "2025/26") -> Decision {
    Decision(indicator: indicator, year: year, target: 20 + Double(k) / 100, interventionLevel: 25, rationale: "reason \(k)",
             agreedBy: "tester", scenario: "", recordedAt: "2026-01-01T00:00:00.000Z")
  }

  static func vintage(forecast: Double, scenario: String = "", fingerprint: String = "abc") -> ForecastVintage {
    ForecastVintage(indicator: "cases", year: "2024/25", yearEnd: "2025-03", basis: "year-to-date", forecast: forecast, lo80: 90, hi80: 110,
                    lo95: 80, hi95: 120, target: 95, interventionLevel: 105, pMeetTarget: 0.4, model: "m", scenario: scenario,
                    dataFingerprint: fingerprint, shownAt: "2026-01-01T00:00:00.000Z")
  }

  @Test func decisionsSurviveReopening() async throws {
    let path = Self.tempDB()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let saved = try await RecordStore(path: path).record(Self.decision(1))
    #expect(saved.id == 1)
    let again = try RecordStore.openExisting(path: path)   // migrations already applied: no error, no loss
    let all = try again.decisions()
    #expect(all.count == 1)
    #expect(all.first?.target == 20.01)
    #expect(all.first?.interventionLevel == 25)
  }

  @Test func missingDatabaseIsAnError() {
    #expect(throws: RecordError.self) { try RecordStore.openExisting(path: "/nonexistent/folder/x.sqlite") }
  }

  @Test func concurrentWritersLoseNothing() async throws {
    let path = Self.tempDB()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let store = try RecordStore(path: path)
    try await withThrowingTaskGroup(of: Void.self) { group in
      for client in 0..<8 {
        group.addTask {
          for j in 0..<25 { _ = try await store.record(Self.decision(client * 25 + j)) }
        }
      }
      try await group.waitForAll()
    }
    let all = try store.decisions()
    #expect(all.count == 200)
    #expect(Set(all.compactMap(\.id)).count == 200)
    #expect(Set(all.map(\.rationale)).count == 200)
  }

  @Test func aVintageShownTwiceIsKeptOnce() async throws {
    let path = Self.tempDB()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let store = try RecordStore(path: path)
    try await store.record(vintages: [Self.vintage(forecast: 100), Self.vintage(forecast: 100)])
    try await store.record(vintages: [Self.vintage(forecast: 100)])
    try await store.record(vintages: [Self.vintage(forecast: 101, fingerprint: "new data")])
    try await store.record(vintages: [Self.vintage(forecast: 98, scenario: #"{"effects":[]}"#)])
    #expect(try store.vintages().map(\.forecast) == [100, 101, 98])
  }

  @Test func yamlExportIsCatalogueShaped() throws {
    var later = Self.decision(9)
    later.target = 18
    later.recordedAt = "2026-02-01T00:00:00.000Z"
    let text = DecisionExport.yaml([Self.decision(1), later, Self.decision(2, indicator: "cin-rate", year: "2024/25")])
    let node = try #require(try Yams.load(yaml: text) as? [String: Any])
    let list = try #require(node["indicators"] as? [[String: Any]])
    #expect(list.map { $0["id"] as? String } == ["cin-rate", "re-referrals"])
    let targets = try #require(list[1]["targets"] as? [String: Any])
    #expect(targets["2025/26"] as? Double == 18)     // the latest decision of a KPI and year wins
    let levels = try #require(list[1]["intervention_levels"] as? [String: Any])
    #expect(levels["2025/26"] as? Double == 25)
    #expect(list[0]["target_notes"] != nil)
  }

  @Test func csvExportQuotesText() {
    var d = Self.decision(1)
    d.rationale = "cut by 3, \"as agreed\""
    let lines = DecisionExport.csv([d]).split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines[1].contains(#""cut by 3, ""as agreed""""#))
  }

  @Test func scenarioTextRoundTrips() {
    let s = ScenarioSpec(name: "front door", effects: [.init(change: -3, from: "2024-09", ramp: 2)], convergence: [.init(comparator: "England", share: 0.5)])
    #expect(ScenarioSpec.parse(s.canonicalText) == s)
    #expect(ScenarioSpec().canonicalText == "")
    #expect(ScenarioSpec.parse("").isBaseline)
  }

  /// A quarterly count reported year to date: the outturn is the sum of the year's four quarters
  /// (10 + 20 + 30 + 40 = 100), a percent snapshot the March value; a year not yet complete has none.
  @Test func reviewReadsOutturnsByBasis() {
    let start = Period(year: 2024, month: 6)
    let counts = KPISeries(key: SeriesKey(indicator: "cases"), frequency: .quarterly, start: start, values: [10, 20, 30, 40, 15],
                           unit: .count, polarity: .smaller)
    #expect(Review.outturn(of: counts, basis: .yearToDate, yearEnd: Period(year: 2025, month: 3)) == 100)
    #expect(Review.outturn(of: counts, basis: .snapshot, yearEnd: Period(year: 2025, month: 3)) == 40)
    #expect(Review.outturn(of: counts, basis: .yearToDate, yearEnd: Period(year: 2026, month: 3)) == nil)
    let rates = KPISeries(key: SeriesKey(indicator: "rate"), frequency: .quarterly, start: start, values: [10, 20, 30, 40], unit: .percent)
    #expect(Review.outturn(of: rates, basis: .yearToDate, yearEnd: Period(year: 2025, month: 3)) == 25)
  }

  @Test func reviewScoresErrorCoverageAndTargets() throws {
    let counts = KPISeries(key: SeriesKey(indicator: "cases"), frequency: .quarterly, start: Period(year: 2024, month: 6),
                           values: [10, 20, 30, 40], unit: .count, polarity: .smaller)
    let england = KPISeries(key: SeriesKey(indicator: "cases", geography: "England"), frequency: .quarterly, start: Period(year: 2024, month: 6),
                            values: [1, 1, 1, 1], unit: .count, polarity: .smaller)
    var met = Self.decision(1, indicator: "cases", year: "2024/25")
    met.target = 100
    met.interventionLevel = 120
    var missed = Self.decision(2, indicator: "cases", year: "2024/25")
    missed.target = 80
    missed.interventionLevel = 90
    let (v, d) = Review.score(vintages: [Self.vintage(forecast: 115)], decisions: [met, missed, Self.decision(3, indicator: "unknown")],
                              series: [england, counts])
    // The authority's series, not England's: outturn 100.
    #expect(v[0].outturn == 100)
    #expect(v[0].error == 15)
    #expect(v[0].inside80 == true)   // 90–110
    #expect(v[0].inside95 == true)
    #expect(d[0].status == .green)
    #expect(d[0].met == true)
    #expect(d[1].status == .red)
    #expect(d[1].met == false)
    #expect(d[2].met == nil)
    let table = ReviewRenderer.table(vintages: v, decisions: d)
    #expect(table.contains("80% intervals held the outturn 1 of 1 times"))
    #expect(table.contains("Targets met: 1 of 2"))
  }

  @Test func fingerprintTellsDataApart() throws {
    let a = FileManager.default.temporaryDirectory.appendingPathComponent("fp-\(UUID().uuidString).csv").path
    defer { try? FileManager.default.removeItem(atPath: a) }
    try "indicator,period,value\nx,2024-03,1\n".write(toFile: a, atomically: true, encoding: .utf8)
    let first = DataFingerprint.of(files: [a])
    #expect(first.count == 16)
    #expect(DataFingerprint.of(files: [a]) == first)
    try "indicator,period,value\nx,2024-03,2\n".write(toFile: a, atomically: true, encoding: .utf8)
    #expect(DataFingerprint.of(files: [a]) != first)
  }
}
