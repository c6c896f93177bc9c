/// The indicator and geography that name one series of an observations file.
public struct ObservationSeriesName: Sendable, Hashable, CustomStringConvertible {
  public var indicator: String
  /// `nil` = the authority itself.
  public var geography: String?

  public init(indicator: String, geography: String? = nil) {
    self.indicator = indicator
    self.geography = geography
  }

  /// `indicator (geography)`, or the indicator alone.
  public var description: String { indicator + (geography.map { " (\($0))" } ?? "") }
}
