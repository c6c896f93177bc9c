import KPIStats

/// Joint draws of a forecast path (one value per forecast step) on the data scale, for sums,
/// scenarios and costs that need more than one step's distribution.
///
/// Joint structure: the models give each step's marginal distribution only, so steps are drawn
/// from their own distributions with standard-normal components correlated by `stepCorrelation`
/// (ρ = 0, the default, treats steps as independent). Student-t steps with a common df share one
/// χ² draw per path — a multivariate t, because the residual variance σ̂² estimated once is
/// common to every step — so the tails of a sum are not understated by averaging them away.
/// Each step keeps its exact marginal; empirical steps are resampled independently.
public struct PathSimulator: Sendable {
  public var steps: [ForecastDistribution]
  public var stepCorrelation: Double

  public init(steps: [ForecastDistribution], stepCorrelation: Double = 0) {
    self.steps = steps
    self.stepCorrelation = min(max(stepCorrelation, 0), 1)
  }

  /// Draws `count` paths; the result is row-major: path `i`, step `j` at `i * steps.count + j`.
  public func simulate(count: Int, generator: inout SeededGenerator) -> [Double] {
    let h = steps.count
    guard h > 0, count > 0 else { return [] }
    var out = [Double](repeating: 0, count: count * h)
    // A shared df when every t step has the same one (the usual case: one regression fit).
    let dfs = steps.compactMap { d -> Double? in if case .studentT(_, _, let df) = d.base { return df } else { return nil } }
    let sharedDF: Double? = (dfs.count == h && Set(dfs).count == 1) ? dfs[0] : nil
    let rho = stepCorrelation, a = rho.squareRoot(), b = (1 - rho).squareRoot()
    for i in 0..<count {
      let common = rho > 0 ? generator.normal() : 0
      var sharedScale = 1.0
      if let df = sharedDF { sharedScale = 1 / (2 * generator.gamma(shape: df / 2) / df).squareRoot() }
      for j in 0..<h {
        let d = steps[j]
        let z = a * common + b * generator.normal()
        let x: Double
        switch d.base {
        case .normal(let m, let sd): x = m + sd * z
        case .studentT(let l, let s, let df):
          let scale = sharedDF != nil ? sharedScale : 1 / (2 * generator.gamma(shape: df / 2) / df).squareRoot()
          x = l + s * z * scale
        case .empirical(let sorted):
          x = sorted.isEmpty ? .nan : sorted[min(Int(generator.uniform() * Double(sorted.count)), sorted.count - 1)]
        }
        out[i * h + j] = d.transform.inverse(x)
      }
    }
    return out
  }
}
