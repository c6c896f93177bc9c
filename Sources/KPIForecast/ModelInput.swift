import KPIStats

/// A series ready for modelling: values on the model scale, the transform that put them there,
/// and what the catalogue or pooling adds (seasonal prior, level shifts).
public struct ModelInput: Sendable {
  public var input: SeriesInput
  public var transform: Transform
  public var seasonalPrior: SeasonalPrior?
  public var levelShifts: [Int]
  /// When set, the ETS family re-estimates this fit's form, starting from its estimates, instead
  /// of selecting a form by AICc (used at inner rolling origins: the form chosen on all the data,
  /// its parameters re-estimated on the shorter series).
  public var etsStart: ETSFit?

  public init(input: SeriesInput, transform: Transform = .none, seasonalPrior: SeasonalPrior? = nil, levelShifts: [Int] = []) {
    self.input = input
    self.transform = transform
    self.seasonalPrior = seasonalPrior
    self.levelShifts = levelShifts
  }

  /// The same series cut to its first `count` values (for rolling origins).
  func prefix(_ count: Int) -> ModelInput {
    var c = self
    c.input = SeriesInput(values: Array(input.values.prefix(count)), period: input.period, firstSeason: input.firstSeason)
    c.levelShifts = levelShifts.filter { $0 < count }
    return c
  }

  /// Observed values on the model scale.
  var observed: [Double] { input.values.filter { !$0.isNaN } }
}
