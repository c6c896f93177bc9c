import Foundation
import HTTPTypes
import Hummingbird
import KPIRecord
import Logging
import NIOCore

/// The workshop server: the page at `/` and the JSON API over a ``WorkshopEngine`` and a
/// ``RecordStore`` (see README, "The workshop page"). Stops cleanly on SIGINT or SIGTERM.
public struct WorkshopServer: Sendable {
  public let engine: WorkshopEngine
  public let store: RecordStore
  public let host: String
  public let port: Int
  /// Shown in the page header (the input's file name).
  public let inputName: String
  /// This run's token for state-changing requests.
  public let token: String

  public init(engine: WorkshopEngine, store: RecordStore, host: String, port: Int, inputName: String) {
    self.engine = engine
    self.store = store
    self.host = host
    self.port = port
    self.inputName = inputName
    token = Self.randomHex(bytes: 32)
  }

  /// 2·`bytes` hex digits from the system's secure generator.
  static func randomHex(bytes: Int) -> String {
    var g = SystemRandomNumberGenerator()
    return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &g)) }.joined()
  }

  /// True for 127.x.x.x, ::1 and localhost.
  public static func isLoopback(_ host: String) -> Bool { CSRFMiddleware<BasicRequestContext>.isLoopback(host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host) }

  /// The routes (also used by tests without a socket).
  public func router() -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: CSRFMiddleware(token: token, loopbackOnly: Self.isLoopback(host)))
    let engine = self.engine, store = self.store, token = self.token, inputName = self.inputName
    let nonce = Self.randomHex(bytes: 16)
    router.get("/") { _, _ -> Response in
      var headers = HTTPFields()
      headers[.contentType] = "text/html; charset=utf-8"
      headers[.cacheControl] = "no-store"
      headers[.contentSecurityPolicy] = "default-src 'none'; script-src 'nonce-\(nonce)'; style-src 'unsafe-inline'; img-src data:; "
        + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
      headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
      headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
      let html = WorkshopPage.html(token: token, nonce: nonce, inputName: inputName, fingerprint: engine.fingerprint)
      return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
    router.get("/api/kpis") { _, _ -> Response in
      try await store.record(vintages: engine.baselineVintages())
      return JSONReply.response(engine.rows())
    }
    router.get("/api/kpis/{indicator}") { _, context -> Response in
      let ind = context.parameters.get("indicator") ?? ""
      guard (try? engine.item(ind)) != nil else { throw APIError(.notFound, "unknown indicator '\(ind.prefix(100))'", field: "indicator") }
      return JSONReply.response(try engine.detail(ind))
    }
    router.post("/api/scenario") { request, _ -> Response in
      let body = try await JSONReply.decode(ScenarioRequest.self, from: request)
      let (reply, vintage) = try engine.scenario(body)
      if vintage.forecast.isFinite { try await store.record(vintages: [vintage]) }
      return JSONReply.response(reply)
    }
    router.post("/api/decisions") { request, _ -> Response in
      let body = try await JSONReply.decode(DecisionRequest.self, from: request)
      let saved = try await store.record(try engine.decision(body))
      struct Created: Encodable { var id: Int64?; var recorded_at: String }
      return JSONReply.response(Created(id: saved.id, recorded_at: saved.recordedAt), status: .created)
    }
    router.get("/api/decisions") { _, _ -> Response in
      JSONReply.response(try await store.decisionsAsync().map(DecisionView.init))
    }
    return router
  }

  /// Binds, calls `ready(host, port)` with the port actually bound (port 0 picks a free one),
  /// and serves until SIGINT or SIGTERM.
  public func run(ready: @escaping @Sendable (String, Int) -> Void) async throws {
    var logger = Logger(label: "kpi-forecast.serve")
    logger.logLevel = .warning
    let host = self.host
    let app = Application(
      router: router(),
      configuration: .init(address: .hostname(host, port: port), serverName: "kpi-forecast"),
      onServerRunning: { channel in ready(host, channel.localAddress?.port ?? 0) },
      logger: logger
    )
    try await app.runService()
  }
}
