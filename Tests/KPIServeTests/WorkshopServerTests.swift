import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
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

  static func server() throws -> (WorkshopServer, String) {
    let db = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString).sqlite").path
    let engine = try #require(Self.engine)
    return (WorkshopServer(engine: engine, store: try RecordStore(path: db), host: "127.0.0.1", port: 0, inputName: "bcp-kpis.csv"), db)
  }

  static func json(_ s: String) -> ByteBuffer { ByteBuffer(string: s) }

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

  @Test func apiRefusesWhatItShould() async throws {
    let (server, db) = try Self.server()
    defer { try? FileManager.default.removeItem(atPath: db) }
    let app = Application(router: server.router())
    let token = server.token
    try await app.test(.router) { client in
      let page = try await client.execute(uri: "/", method: .get)
      #expect(page.status == .ok)
      #expect(String(buffer: page.body).contains(#"<meta name="csrf-token" content="\#(token)">"#))
      #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
      let body = Self.json(#"{"indicator":"re-referrals-12m","year":"2024/25","target":19,"intervention_level":24,"rationale":"r","agreed_by":"a"}"#)
      #expect(try await client.execute(uri: "/api/decisions", method: .post, body: body).status == .forbidden)
      var wrong = HTTPFields()
      wrong[HTTPField.Name("X-CSRF-Token")!] = String(repeating: "0", count: 64)
      #expect(try await client.execute(uri: "/api/decisions", method: .post, headers: wrong, body: body).status == .forbidden)
      var ok = HTTPFields()
      ok[HTTPField.Name("X-CSRF-Token")!] = token
      let created = try await client.execute(uri: "/api/decisions", method: .post, headers: ok, body: body)
      #expect(created.status == .created)
      #expect(String(buffer: created.body).contains(#""id":1"#))
      let list = try await client.execute(uri: "/api/decisions", method: .get)
      #expect(String(buffer: list.body).contains(#""agreed_by":"a""#))
      let cases: [(String, String, HTTPResponse.Status, String)] = [
        ("/api/decisions", "{not json", .badRequest, "body"),
        ("/api/decisions", #"{"indicator":"nope","target":1,"rationale":"r","agreed_by":"a"}"#, .badRequest, "indicator"),
        ("/api/decisions", #"{"indicator":"re-referrals-12m","target":20,"intervention_level":15,"rationale":"r","agreed_by":"a"}"#, .badRequest, "intervention_level"),
        ("/api/decisions", #"{"indicator":"re-referrals-12m","target":"high","rationale":"r","agreed_by":"a"}"#, .badRequest, "target"),
        ("/api/decisions", #"{"indicator":"re-referrals-12m","target":20,"rationale":"  ","agreed_by":"a"}"#, .badRequest, "rationale"),
        ("/api/decisions", #"{"indicator":"re-referrals-12m","target":120,"rationale":"r","agreed_by":"a"}"#, .badRequest, "target"),
        ("/api/scenario", #"{"indicator":"re-referrals-12m","effects":[{"change":-3}]}"#, .badRequest, "effects[0].from"),
      ]
      for (uri, text, status, field) in cases {
        let r = try await client.execute(uri: uri, method: .post, headers: ok, body: Self.json(text))
        #expect(r.status == status, "\(text)")
        #expect(String(buffer: r.body).contains(#""field":"\#(field)""#), "\(text): \(String(buffer: r.body))")
      }
      let big = ByteBuffer(repeating: UInt8(ascii: " "), count: (1 << 20) + 10)
      #expect(try await client.execute(uri: "/api/scenario", method: .post, headers: ok, body: big).status == .contentTooLarge)
      #expect(try await client.execute(uri: "/nothing", method: .get).status == .notFound)
      #expect(try await client.execute(uri: "/api/kpis/nope", method: .get).status == .notFound)
    }
    #expect(try RecordStore.openExisting(path: db).decisions().count == 1)
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
