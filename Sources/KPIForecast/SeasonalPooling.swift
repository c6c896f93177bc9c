import Foundation
import KPIStats

/// Seasonal shape borrowed across series of the same indicator (or benchmark group): an
/// empirical-Bayes prior for each series' seasonal effects, fed to the models as ridge rows
/// (``SeasonalPrior``; still least squares).
///
/// For every positive series of a group, on the log scale: the regression level + trend +
/// season dummies gives centred seasonal effects γ_i (indexed by calendar season, since
/// `firstSeason` aligns them) and a residual variance σ_i². The prior for series i is the mean
/// of the *other* series' γ (leave-one-out), with weight w_i = σ_i² / τ² pseudo-observations per
/// season, τ² the between-series variance of the effects beyond their estimation noise
/// (method of moments, DerSimonian & Laird 1986), capped at `maximumWeight`. Series whose own
/// shape differs from the group's (large τ²) are barely shrunk; a group of alike series lends
/// a short one most of its shape. Effects are converted to the model scale at the series' mean level.
public enum SeasonalPooling {
  public static let minimumGroupSize = 3
  public static let maximumWeight = 8.0

  typealias Profile = BorrowedShape.Profile

  /// Priors for `inputs` (nil where no prior applies: non-positive data, no season, a group of
  /// fewer than ``minimumGroupSize`` usable series, or a series that already has a prior).
  /// `data` are the data-scale training values matching each input.
  public static func priors(_ inputs: [ModelInput], data: [[Double]], groups: [String]) -> [SeasonalPrior?] {
    var profiles = [Profile?](repeating: nil, count: inputs.count)
    for i in inputs.indices { profiles[i] = profile(data[i], input: inputs[i].input) }
    var members = [String: [Int]]()
    for i in inputs.indices where profiles[i] != nil { members[groups[i], default: []].append(i) }
    var out = [SeasonalPrior?](repeating: nil, count: inputs.count)
    for (_, idx) in members where idx.count >= minimumGroupSize {
      let m = inputs[idx[0]].input.period
      guard idx.allSatisfy({ inputs[$0].input.period == m }) else { continue }
      let tau2 = BorrowedShape.tau2(idx.compactMap { profiles[$0] })
      for i in idx where inputs[i].seasonalPrior == nil {
        let mu = BorrowedShape.meanShape(idx.filter { $0 != i }.compactMap { profiles[$0] })
        let w = min(profiles[i]!.sigma2 / tau2, maximumWeight)
        guard w > 1e-3 else { continue }
        let obs = data[i].filter { !$0.isNaN }
        let level = obs.reduce(0, +) / Double(obs.count)
        let t = inputs[i].transform
        let f0 = t.forward(level, clamping: true)
        let effects = mu.map { t.forward(level * exp($0), clamping: true) - f0 }
        out[i] = try? SeasonalPrior(effects: effects, weight: w)
      }
    }
    return out
  }

  /// Log-scale seasonal effects (centred), residual variance and the effects' sampling variance
  /// (``BorrowedShape/profile(_:)`` of the logged values).
  static func profile(_ y: [Double], input: SeriesInput) -> Profile? {
    guard input.period > 1, y.allSatisfy({ $0.isNaN || $0 > 0 }) else { return nil }
    return BorrowedShape.profile(SeriesInput(values: y.map { $0.isNaN ? .nan : Foundation.log($0) }, period: input.period,
                                             firstSeason: input.firstSeason))
  }
}
