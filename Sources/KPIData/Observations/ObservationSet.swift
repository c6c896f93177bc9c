

/// A parsed observations file.
public struct ObservationSet: Sendable {
  public var file: String
  public var observations: [Observation]
  /// Whether the input had a `geography` column (then output carries one too).
  public var hasGeography: Bool
  /// Names of the extra columns, in file order.
  public var extraColumns: [String]
}
