import Foundation

/// ISO 8601 UTC timestamps with milliseconds, as the record stores them.
enum Timestamp {
  static func now() -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    f.timeZone = TimeZone(identifier: "UTC")
    return f.string(from: Date())
  }
}
