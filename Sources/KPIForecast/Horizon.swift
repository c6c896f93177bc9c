import KPIData
import KPIStats

/// How far ahead to forecast.
public enum Horizon: Sendable, Equatable {
  /// A fixed number of periods.
  case steps(Int)
  /// Through the next March after each series' last period (the financial year-end).
  case toYearEnd
  /// Through March of the given year (the financial year `year−1`/`year`) for every series.
  case throughMarch(year: Int)
  /// Through the March `count` financial years after each series' last observation (1 = `toYearEnd`).
  case yearEnds(Int)
}
