import Foundation
import HTTPTypes
import Hummingbird

/// Refuses state-changing requests (anything but GET/HEAD) whose `X-CSRF-Token` header is not
/// this run's token (403), so another page open in the same browser cannot post; on a loopback
/// bind it also refuses requests whose `Host` is not a loopback name (DNS rebinding).
struct CSRFMiddleware<Context: RequestContext>: RouterMiddleware {
  let token: String
  let loopbackOnly: Bool
  static var headerName: HTTPField.Name { HTTPField.Name("X-CSRF-Token")! }

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    if loopbackOnly, let host = request.head.authority, !Self.isLoopback(host) {
      throw APIError(.forbidden, "this server answers only on its loopback address", field: "Host")
    }
    if request.method != .get && request.method != .head {
      guard let sent = request.headers[Self.headerName], Self.constantTimeEqual(sent, token) else {
        throw APIError(.forbidden, "missing or wrong X-CSRF-Token header (reload the page)", field: "X-CSRF-Token")
      }
    }
    return try await next(request, context)
  }

  /// `127.0.0.1:8080`, `localhost`, `[::1]:80` → true.
  static func isLoopback(_ hostHeader: String) -> Bool {
    var h = hostHeader.lowercased()
    if h.hasPrefix("[") { h = String(h.dropFirst().prefix { $0 != "]" }) } else if let c = h.lastIndex(of: ":") { h = String(h[..<c]) }
    return h == "localhost" || h == "::1" || h.hasPrefix("127.")
  }

  static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8), y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var diff: UInt8 = 0
    for i in x.indices { diff |= x[i] ^ y[i] }
    return diff == 0
  }
}
