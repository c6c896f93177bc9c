import Foundation
import Hummingbird

/// Builds JSON responses (sorted keys, UTF-8) and reads JSON request bodies of at most 1 MB.
enum JSONReply {
  /// The largest request body accepted; larger ones get 413.
  static let maximumBody = 1 << 20

  static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
    let e = JSONEncoder()
    e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = (try? e.encode(value)) ?? Data(#"{"error":"the reply could not be encoded"}"#.utf8)
    var headers = HTTPFields()
    headers[.contentType] = "application/json; charset=utf-8"
    headers[.cacheControl] = "no-store"
    return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
  }

  /// Decodes the body as `T`; bad JSON → 400 naming the field, over 1 MB → 413.
  static func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
    let buffer: ByteBuffer
    do {
      buffer = try await request.body.collect(upTo: maximumBody)
    } catch {
      throw APIError(.contentTooLarge, "request body is larger than 1 MB")
    }
    let data = Data(buffer.readableBytesView)
    do {
      return try JSONDecoder().decode(T.self, from: data)
    } catch let DecodingError.keyNotFound(key, ctx) {
      throw APIError.bad(path(ctx.codingPath + [key]), "is required")
    } catch let DecodingError.typeMismatch(t, ctx) {
      throw APIError.bad(path(ctx.codingPath), "must be \(describe(t))")
    } catch let DecodingError.valueNotFound(t, ctx) {
      throw APIError.bad(path(ctx.codingPath), "must be \(describe(t)), not null")
    } catch let DecodingError.dataCorrupted(ctx) {
      throw APIError.bad(ctx.codingPath.isEmpty ? "body" : path(ctx.codingPath), "is not valid JSON")
    } catch {
      throw APIError.bad("body", "is not valid JSON")
    }
  }

  static func path(_ keys: [CodingKey]) -> String {
    var s = ""
    for k in keys {
      if let i = k.intValue { s += "[\(i)]" } else { s += s.isEmpty ? k.stringValue : ".\(k.stringValue)" }
    }
    return s.isEmpty ? "body" : s
  }

  static func describe(_ t: Any.Type) -> String {
    switch t {
    case is Double.Type, is Int.Type, is Optional<Double>.Type, is Optional<Int>.Type: return "a number"
    case is String.Type, is Optional<String>.Type: return "text"
    case is Array<Any>.Type: return "a list"
    default: return "of the right type"
    }
  }
}
