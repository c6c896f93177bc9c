import KPIForecast

/// A note about one series (or the whole run when `key` is nil), for grouped output.
public struct PlanningNote: Sendable, Equatable {
  public var key: SeriesKey?
  public var message: String

  public init(key: SeriesKey?, message: String) {
    self.key = key
    self.message = message
  }
}
