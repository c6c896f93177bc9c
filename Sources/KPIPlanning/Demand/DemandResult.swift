import Foundation
import KPIData
import KPIForecast
import KPIStats

/// P10/P50/P90 of places and cost for one scenario and year.
public struct DemandResult: Sendable, Equatable {
  public var scenario: String
  public var year: String
  public var places: [Double]   // P10, P50, P90
  public var cost: [Double]     // P10, P50, P90
  public var exclusionsMedian: Double
}
