

/// Seasonal prior for short series: expected seasonal effects on the model scale and how many
/// pseudo-observations of evidence they carry (ridge augmentation rows, still least squares).
public struct SeasonalPrior: Sendable, Equatable {
  /// One effect per season (0 ..< m), on the model scale; only differences between seasons matter.
  public var effects: [Double]
  /// Weight of the prior in pseudo-observations per seasonal contrast (e.g. 4 ≈ a year of data).
  public var weight: Double

  public init(effects: [Double], weight: Double) throws {
    guard !effects.isEmpty, effects.allSatisfy(\.isFinite) else { throw ModelError.failed("seasonal prior needs finite effects") }
    guard weight.isFinite, weight > 0 else { throw ModelError.failed("seasonal prior weight must be positive, got \(weight)") }
    self.effects = effects
    self.weight = weight
  }
}
