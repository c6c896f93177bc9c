import Foundation

/// Alternative-provision places and annual cost (P10/P50/P90) for one scenario and year, from
/// the demand engine (`kpi-forecast demand`, its default assumptions).
public struct DemandBand: Codable, Sendable, Equatable {
  public var scenario: String
  public var year: String
  public var places: [Double]
  public var cost: [Double]
}
