import Foundation
import Hummingbird
import Testing
import KPIData
import KPIForecast
import KPIPlanning
import KPIRecord
@testable import KPIServe

/// The workshop server over the bundled seed KPIs: its numbers are the engine's (the same as
/// `year-end` and `scenarios`), and its API refuses what it should.
@Suite struct WorkshopServerTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let input = root.appendingPathComponent("notebooks-data/bcp-kpis.csv").path
  static let scenarioFile = root.appendingPathComponent("notebooks-data/scenarios-bcp.yaml").path

  static let engine: WorkshopEngine? = {
    guard let catalogue = try? Catalogue.load(directory: root.appendingPathComponent("models").path),
          let list = try? ScenarioFile.load(path: scenarioFile) else { return nil }
    return try? WorkshopEngine(settings: WorkshopSettings(input: input, catalogue: catalogue, fingerprintFiles: [input], scenarios: list,
                                                          demandDraws: 20_000))
  }()

  @Test func rowsAreTheYearEndFigures() throws {
    let engine = try #require(Self.engine)
    let outlooks = YearEndCalculator.outlooks(engine.forecasts, options: YearEndOptions())
    let rows = engine.rows()
    #expect(rows.count == 108)
    var compared = 0
    for r in rows {
      let o = try #require(outlooks.first { $0.key.indicator == r.indicator && $0.key.geography == nil })
      #expect(r.forecast == o.point)
      #expect(r.lo80 == o.interval(level: 80).lower && r.hi95 == o.interval(level: 95).upper)
      #expect(r.pMeetTarget == o.probabilityOfMeetingTarget)
      #expect(r.status == o.status?.rawValue)
      compared += 1
    }
    #expect(compared == rows.count)
  }

  @Test func scenarioIsTheScenarioRunnersAnswer() throws {
    let engine = try #require(Self.engine)
    let file = try ScenarioFile.load(path: Self.scenarioFile)
    let (results, _) = ScenarioRunner.run(engine.forecasts, scenarios: file, options: YearEndOptions())
    let want = try #require(results.first { $0.key.indicator == "re-referrals-12m" && $0.scenario == "Front door threshold project" })
    let req = ScenarioRequest(indicator: "re-referrals-12m", effects: [.init(change: -3, from: "2024/25 Q2", ramp: 2)])
    let (reply, vintage) = try engine.scenario(req)
    #expect(reply.row.forecast == want.point)
    #expect(reply.row.pMeetTarget == want.probabilityOfMeetingTarget)
    #expect(reply.baseline.pMeetTarget == want.baselineProbability)
    #expect(reply.applied == want.applied)
    #expect(vintage.scenario.contains("-3"))
    // The fan: each period's quantiles moved by the effect's share k/ramp of −3 (unclamped here).
    let base = try engine.detail("re-referrals-12m").fan
    for (b, s) in zip(base, reply.fan) {
      let k = (Period.parse(s.period)!.period.monthIndex - Period(year: 2024, month: 9).monthIndex) / 3 + 1
      let share = k < 1 ? 0 : min(1, Double(k) / 2)
      for (x, y) in [(b.value, s.value), (b.lo80, s.lo80), (b.hi95, s.hi95)] {
        #expect(abs((y ?? .nan) - ((x ?? .nan) - 3 * share)) < 1e-9)
      }
    }
  }

  @Test func convergenceMovesTheOutturnTowardTheComparator() throws {
    let engine = try #require(Self.engine)
    let (reply, _) = try engine.scenario(ScenarioRequest(indicator: "cp-second-plan", convergence: [.init(value: 24, share: 0.5)]))
    let base = try #require(reply.baseline.forecast), now = try #require(reply.row.forecast)
    #expect(abs(now - (base + 0.5 * (24 - base))) < 0.05 * abs(24 - base))
    #expect(reply.applied.contains("closes 50%"))
  }

  @Test func badScenariosNameTheField() throws {
    let engine = try #require(Self.engine)
    func field(_ r: ScenarioRequest) -> String? {
      do { _ = try engine.scenario(r); return nil } catch let e as APIError { return e.field } catch { return "other" }
    }
    #expect(field(ScenarioRequest(indicator: "nope")) == "indicator")
    #expect(field(ScenarioRequest(indicator: "re-referrals-12m", effects: [.init(change: 1, from: "2024-13")])) == "effects[0].from")
    #expect(field(ScenarioRequest(indicator: "re-referrals-12m", effects: [.init(change: 1, relative: 0.1, from: "2024-09")])) == "effects[0]")
    #expect(field(ScenarioRequest(indicator: "re-referrals-12m", effects: [.init(relative: -1.5, from: "2024-09")])) == "effects[0].relative")
    #expect(field(ScenarioRequest(indicator: "re-referrals-12m", effects: [.init(change: 1, from: "2024-09", ramp: 0)])) == "effects[0].ramp")
    #expect(field(ScenarioRequest(indicator: "re-referrals-12m", convergence: [.init(value: 20, share: 1.5)])) == "convergence[0].share")
  }

  /// The HTTP refusals (403 without the token, 413, 404, bad JSON) are driven against the real
  /// server by scripts/workshop_test.py; here the rules behind the 400s.
  @Test func decisionsAreValidated() throws {
    let engine = try #require(Self.engine)
    func field(_ target: Double, _ level: Double?, year: String? = "2024/25", rationale: String = "r", who: String = "a",
               indicator: String = "re-referrals-12m") -> String? {
      let r = DecisionRequest(indicator: indicator, year: year, target: target, interventionLevel: level, rationale: rationale, agreedBy: who)
      do { _ = try engine.decision(r); return nil } catch let e as APIError { return e.field } catch { return "other" }
    }
    #expect(field(19, 24) == nil)
    #expect(field(20, 15) == "intervention_level")          // smaller is better: the level must not be below the target
    #expect(field(120, nil) == "target")                    // a percent above 100
    #expect(field(19, 24, year: "next year") == "year")
    #expect(field(19, 24, rationale: "  ") == "rationale")
    #expect(field(19, 24, who: "") == "agreed_by")
    #expect(field(19, 24, indicator: "nope") == "indicator")
    // Bigger is better: the level must not be above the target.
    #expect(field(90, 95, year: "2022/23", indicator: "permanence-plans-second-review") == "intervention_level")
    let d = try engine.decision(DecisionRequest(indicator: "re-referrals-12m", year: "2025", target: 19, interventionLevel: 24,
                                                rationale: " why ", agreedBy: "chair"))
    #expect(d.year == "2024/25")
    #expect(d.rationale == "why")
  }

  @Test func pageCarriesTheTokenAndNothingFromElsewhere() {
    let html = WorkshopPage.html(token: "abc123", nonce: "n0", inputName: "<x>.csv", fingerprint: "f")
    #expect(html.contains(#"<meta name="csrf-token" content="abc123">"#))
    #expect(html.contains(#"<script nonce="n0">"#))
    #expect(html.contains("&lt;x&gt;.csv"))
    #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("@import"))
  }

  @Test func loopbackNames() {
    #expect(WorkshopServer.isLoopback("127.0.0.1"))
    #expect(WorkshopServer.isLoopback("localhost"))
    #expect(WorkshopServer.isLoopback("::1"))
    #expect(!WorkshopServer.isLoopback("0.0.0.0"))
    #expect(!WorkshopServer.isLoopback("192.168.1.4"))
    #expect(CSRFMiddleware<BasicRequestContext>.isLoopback("127.0.0.1:8080"))
    #expect(CSRFMiddleware<BasicRequestContext>.isLoopback("[::1]:8080"))
    #expect(!CSRFMiddleware<BasicRequestContext>.isLoopback("evil.example:8080"))
  }
}
