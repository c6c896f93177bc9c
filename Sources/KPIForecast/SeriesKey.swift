import KPIData

/// Identifies one series: an indicator at a geography (`nil` = the authority itself).
public struct SeriesKey: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var indicator: String
  public var geography: String?

  public init(indicator: String, geography: String? = nil) {
    self.indicator = indicator
    self.geography = geography
  }

  public static func < (a: SeriesKey, b: SeriesKey) -> Bool {
    (a.indicator, a.geography ?? "") < (b.indicator, b.geography ?? "")
  }
  public var description: String { geography.map { "\(indicator) (\($0))" } ?? indicator }
}
