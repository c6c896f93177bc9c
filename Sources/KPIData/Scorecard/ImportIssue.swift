

/// A cell the importer did not turn into a number (or read with an aside), and why.
public struct ImportIssue: Sendable, Equatable {
  public enum Severity: String, Sendable, Equatable, Comparable {
    /// Read, with something kept beside the number (an aside, a status, a moved cell).
    case note
    /// No number: a known missing marker or an empty cell, reason kept.
    case missing
    /// Not a number and not a known marker: listed for a person to look at.
    case unreadable

    public static func < (a: Severity, b: Severity) -> Bool {
      let order: [Severity] = [.note, .missing, .unreadable]
      return (order.firstIndex(of: a) ?? 0) < (order.firstIndex(of: b) ?? 0)
    }
  }

  public var severity: Severity
  public var location: InputLocation
  public var indicator: String?
  public var text: String
  public var reason: String

  public init(severity: Severity, location: InputLocation, indicator: String? = nil, text: String, reason: String) {
    self.severity = severity
    self.location = location
    self.indicator = indicator
    self.text = text
    self.reason = reason
  }
}
