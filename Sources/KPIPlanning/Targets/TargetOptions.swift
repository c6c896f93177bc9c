import Foundation
import KPIData
import KPIForecast

/// Options of the target rule.
public struct TargetOptions: Sendable {
  /// When set, the target is the value the baseline meets with this probability.
  public var probability: Double?
  /// Chance, with no real change, of crossing the proposed intervention level (default 10%).
  public var interventionProbability: Double
  public var comparator: ComparatorChoice?
  /// Stretch probability of the default rule (DESIGN §6: 30–60%).
  public var stretchProbability: Double
  /// The lowest probability the default rule accepts when reaching for a comparator.
  public var floorProbability: Double

  public init(probability: Double? = nil, interventionProbability: Double = 0.10, comparator: ComparatorChoice? = nil,
              stretchProbability: Double = 0.40, floorProbability: Double = 0.30) {
    self.probability = probability
    self.interventionProbability = interventionProbability
    self.comparator = comparator
    self.stretchProbability = stretchProbability
    self.floorProbability = floorProbability
  }
}
