import Foundation
import Hummingbird

/// Turns any error that is not already an HTTP answer into a plain 500 (the details go to the
/// server's standard error, never to the client).
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    do {
      return try await next(request, context)
    } catch let e as HTTPResponseError {
      throw e
    } catch {
      FileHandle.standardError.write(Data("serve: error answering \(request.method) \(request.uri.path): \(error)\n".utf8))
      throw APIError(.internalServerError, "internal error (see the server's log)")
    }
  }
}
