/// The short-series form: follow the last value, with a damped drift and a known seasonal
/// shape. For series of a few observations, where a level or trend fitted beside seasonal
/// terms nearly interpolates the data.
///
/// On the model scale, with μ_s the seasonal prior's effects (zero without one) and the
/// deseasonalised values a_t = y_t − μ_{s(t)}: the forecast h steps after the last observation
/// T is a_T + b·(φ + φ² + … + φ^h) + μ_{s(T+h)}, b the mean one-step change of a (gaps spread
/// evenly) and φ the damping (0 = naive, 1 = drift). Errors are a random walk, Var = σ²h, σ
/// the root mean square of the one-step changes about b (Hyndman & Athanasopoulos, *FPP3*
/// §5.2 and §8.2); with one observation σ = 0 and the caller supplies a floor.
public struct FollowLast: ForecastModel {
  public var damping: Double
  public var seasonalPrior: SeasonalPrior?

  public init(damping: Double = 0, seasonalPrior: SeasonalPrior? = nil) {
    self.damping = min(max(damping, 0), 1)
    self.seasonalPrior = seasonalPrior
  }

  public struct Fitted: FittedForecastModel {
    public let label: String
    public let warnings: [String]
    public let fitted: [Double]
    public let last: Double
    public let slope: Double
    public let sigma: Double
    /// One-step changes σ was estimated from.
    public let changes: Int
    let damping: Double
    let effects: [Double]
    let lastSeason: Int
    let stepsSinceLast: Int

    public func forecast(horizon: Int) -> [Distribution] {
      guard horizon > 0 else { return [] }
      let m = max(effects.count, 1)
      var cum = 0.0, pow = 1.0
      for _ in 0..<stepsSinceLast { pow *= damping; cum += pow }
      return (1...horizon).map { h in
        pow *= damping; cum += pow
        let s = effects.isEmpty ? 0 : effects[(lastSeason + stepsSinceLast + h) % m] - effects[lastSeason]
        return .normal(mean: last + slope * cum + s, sd: sigma * Double(h + stepsSinceLast).squareRoot())
      }
    }

    /// A random walk: Cov(h, k) ∝ min(h, k).
    public func errorCorrelation(horizon: Int) -> [Double] { ErrorCorrelation.seasonalRandomWalk(period: 1, horizon: horizon) }
  }

  public func fit(_ series: SeriesInput) throws -> Fitted {
    let v = series.values
    let obs = v.indices.filter { !v[$0].isNaN }
    guard let lastIndex = obs.last else { throw ModelError.noObservations }
    var effects = [Double]()
    var warnings = [String]()
    if let p = seasonalPrior, series.period > 1 {
      if p.effects.count == series.period { effects = p.effects } else {
        warnings.append("seasonal prior has \(p.effects.count) effects for \(series.period) seasons: ignored")
      }
    }
    func adjusted(_ t: Int) -> Double { effects.isEmpty ? v[t] : v[t] - effects[series.season(at: t)] }
    var steps = [Double]()
    for (a, b) in zip(obs, obs.dropFirst()) { steps.append((adjusted(b) - adjusted(a)) / Double(b - a)) }
    let slope = damping > 0 && !steps.isEmpty ? steps.reduce(0, +) / Double(steps.count) : 0
    let dof = steps.count - (damping > 0 ? 1 : 0)
    let sigma = dof > 0 ? (steps.reduce(0) { $0 + ($1 - slope) * ($1 - slope) } / Double(dof)).squareRoot() : 0
    var fitted = [Double](repeating: .nan, count: v.count)
    for (a, b) in zip(obs, obs.dropFirst()) { fitted[b] = v[a] + Double(b - a) * slope + (effects.isEmpty ? 0 : effects[series.season(at: b)] - effects[series.season(at: a)]) }
    let name = damping == 0 ? "naive" : damping == 1 ? "drift" : "damped drift φ=\(damping)"
    return Fitted(label: name + (effects.isEmpty ? "" : "+prior season"), warnings: warnings, fitted: fitted, last: v[lastIndex],
                  slope: slope, sigma: sigma, changes: steps.count, damping: damping, effects: effects,
                  lastSeason: series.season(at: lastIndex), stepsSinceLast: v.count - 1 - lastIndex)
  }
}
