import KPIData
import KPIForecast
import KPIPlanning
import KPIStats

/// A comparator value shown beside a KPI: its name, value and the period it refers to.
public struct PackComparator: Sendable, Equatable {
  public var name: String
  public var value: Double
  /// A financial-year label (`2022/23`) or a period (`2024-03`).
  public var when: String
  /// The chart position (the March of the year, or the period) when it can be placed.
  public var period: Period?
}
