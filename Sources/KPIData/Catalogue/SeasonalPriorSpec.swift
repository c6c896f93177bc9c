import Foundation
import Yams

/// A seasonal prior as written in the catalogue: one effect per season in financial order
/// (Q1 = Apr–Jun … Q4 = Jan–Mar, or April … March), on the data scale (units of the KPI, as a
/// departure from the yearly average) unless `scale: model`, with a weight in pseudo-observations
/// and the evidence quoted.
public struct SeasonalPriorSpec: Sendable, Codable, Equatable {
  public var effects: [Double]
  public var scale: String?
  public var weight: Double
  public var evidence: String?

  public init(effects: [Double], scale: String? = nil, weight: Double, evidence: String? = nil) {
    self.effects = effects
    self.scale = scale
    self.weight = weight
    self.evidence = evidence
  }
}
