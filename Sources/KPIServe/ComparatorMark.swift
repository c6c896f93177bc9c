import Foundation

/// A comparator's latest value for a KPI (catalogue, e.g. `England 83 (2019/20)`, or an
/// aggregate geography in the input).
public struct ComparatorMark: Codable, Sendable, Equatable {
  public var name: String
  public var year: String
  public var value: Double
}
