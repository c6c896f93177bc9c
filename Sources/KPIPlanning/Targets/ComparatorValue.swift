import Foundation
import KPIData
import KPIForecast

/// A comparator value with its name and year.
public struct ComparatorValue: Sendable, Equatable {
  public var name: String
  public var year: String
  public var value: Double

  public init(name: String, year: String, value: Double) {
    self.name = name
    self.year = year
    self.value = value
  }
}
