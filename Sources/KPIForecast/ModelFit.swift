import KPIStats

/// A fitted specification: one family's fit, or auto's members kept together (fit once; the
/// forecast, its label and the calibration all read these fits, nothing is refitted).
public struct ModelFit: Sendable {
  public let choice: ModelChoice
  public let label: String
  public let warnings: [String]
  /// One fit for a single family; auto's combination holds each member's.
  public let members: [any FittedForecastModel]
  let combination: AutoConfiguration.Combination?
  /// The ETS fit used (alone or as an auto member), re-estimated at inner rolling origins.
  public var etsFit: ETSFit? { members.lazy.compactMap { $0 as? ETSFit }.first }
  /// Whether this is auto's combination, whose intervals the engine calibrates.
  public var isCombination: Bool { combination != nil }
  /// The one-step error scale the fit estimated on the model scale and how many errors it came
  /// from (for the short-series shrinkage); nil where the model does not expose it.
  public var ownScale: (sigma: Double, count: Int)? {
    guard members.count == 1, combination == nil else { return nil }
    if let f = members[0] as? FollowLast.Fitted { return (f.sigma, f.changes) }
    return nil
  }

  init(choice: ModelChoice, single: any FittedForecastModel) {
    self.choice = choice
    label = single.label
    warnings = single.warnings
    members = [single]
    combination = nil
  }

  init(choice: ModelChoice, members: [any FittedForecastModel], labels: [String], warnings: [String], combination: AutoConfiguration.Combination) {
    self.choice = choice
    self.members = members
    self.combination = combination
    self.warnings = warnings + members.flatMap(\.warnings)
    // No commas, so the model column stays one plain CSV field: ETS(M,Ad,M) is written ETS(MAdM).
    let names = labels.map { $0.replacingOccurrences(of: ",", with: "") }
    label = names.count == 1 ? "auto(\(names[0]))" : "auto(\(combination.rawValue): " + names.joined(separator: " + ") + ")"
  }

  /// Steps 1 … horizon on the model scale, analytic spread, with the error correlation.
  public func forecast(horizon: Int) -> ModelForecast {
    guard horizon > 0 else {
      return ModelForecast(label: label, warnings: warnings, mean: [], sd: [], distributions: [], correlation: [], intervals: "analytic")
    }
    guard let combination, members.count > 1 else {
      let d = members[0].forecast(horizon: horizon)
      return ModelForecast(label: label, warnings: warnings, mean: d.map(\.median), sd: d.map(\.spread), distributions: d,
                           correlation: members[0].errorCorrelation(horizon: horizon), intervals: "analytic")
    }
    let each = members.map { $0.forecast(horizon: horizon) }
    var mean = [Double](repeating: 0, count: horizon), sd = mean
    var column = [Double](repeating: 0, count: each.count)
    for h in 0..<horizon {
      for (i, f) in each.enumerated() { column[i] = f[h].median }
      mean[h] = combination == .median ? Self.median(&column) : column.reduce(0, +) / Double(column.count)
      sd[h] = each.reduce(0) { $0 + $1[h].spread } / Double(each.count)
    }
    return ModelForecast(label: label, warnings: warnings, mean: mean, sd: sd,
                         distributions: zip(mean, sd).map { .normal(mean: $0, sd: $1) },
                         correlation: ErrorCorrelation.average(members.map { $0.errorCorrelation(horizon: horizon) }, n: horizon),
                         intervals: "analytic")
  }

  /// Median of `xs` (reorders it).
  static func median(_ xs: inout [Double]) -> Double {
    xs.sort()
    return SampleQuantile.type7(sorted: xs, 0.5)
  }
}
