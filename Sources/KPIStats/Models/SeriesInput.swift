

/// A series handed to a model: values on the model (already transformed) scale, equally spaced,
/// with `NaN` for a missing period.
public struct SeriesInput: Sendable, Equatable {
  /// Values in time order; `.nan` marks a gap.
  public var values: [Double]
  /// Seasonal period m (4 quarterly, 12 monthly, 1 none).
  public var period: Int
  /// Season (0 ..< period) of `values[0]`; season 0 is the baseline level of seasonal dummies.
  public var firstSeason: Int

  public init(values: [Double], period: Int, firstSeason: Int = 0) {
    self.values = values
    self.period = max(period, 1)
    self.firstSeason = ((firstSeason % self.period) + self.period) % self.period
  }

  /// Number of observed (non-missing) values.
  public var observedCount: Int { values.reduce(0) { $1.isNaN ? $0 : $0 + 1 } }
  /// Season of position `t` (0-based, may run past the end for forecasts).
  public func season(at t: Int) -> Int { (firstSeason + t) % period }
}
