import Foundation

/// Why the record could not be opened or written, in plain words.
public struct RecordError: Error, CustomStringConvertible, Sendable {
  public var description: String
  public init(_ description: String) { self.description = description }
}
