import Foundation
import Hummingbird

/// An error the API answers with: a status and a plain message naming the field at fault, sent
/// as JSON `{"error": …, "field": …}`. Nothing else (no stack trace) reaches the client.
public struct APIError: HTTPResponseError, CustomStringConvertible {
  public var status: HTTPResponse.Status
  public var message: String
  public var field: String?

  public init(_ status: HTTPResponse.Status, _ message: String, field: String? = nil) {
    self.status = status
    self.message = message
    self.field = field
  }

  public var description: String { field.map { "\($0): \(message)" } ?? message }

  static func bad(_ field: String, _ message: String) -> APIError { APIError(.badRequest, message, field: field) }

  public func response(from request: Request, context: some RequestContext) throws -> Response {
    JSONReply.response(ErrorBody(error: description, field: field), status: status)
  }
}
