/// Seasonal naive with the seasonal shape averaged over every cycle: the level is the mean of
/// the last m seasonally adjusted values, the seasonal effects come from the regression
/// level + trend + season dummies on the whole series (``SeasonalRegression``, optionally shrunk
/// toward a prior), centred to mean 0:
///
///   ŷ_{T+h} = (1/m)·Σ_{j<m}(y_{T−j} − ŝ_{T−j}) + ŝ_{T+h}.
///
/// With one cycle of data and no prior this is seasonal naive's forecast averaged into a flat
/// level; with several cycles it keeps seasonal naive's up-to-date level but not its noise
/// (each season's effect rests on every cycle, not on one value). No trend is extrapolated:
/// with ten quarters a trend estimate does more harm than good (the `kpi-bench` short-history
/// table). Normal spread σ·√(k + 1), k = ⌊(h−1)/m⌋, σ² the mean squared error of this forecast
/// made one step ahead in-sample (as `snaive`'s yearly random-walk growth).
/// Needs m + 1 observations without a prior (else throws): one season seen twice, the rest
/// once (no trend below m + 2, where it would fit every value); gaps are skipped.
public struct AveragedSeasonalNaive: ForecastModel {
  public var seasonalPrior: SeasonalPrior?

  public init(seasonalPrior: SeasonalPrior? = nil) { self.seasonalPrior = seasonalPrior }

  public struct Fitted: FittedForecastModel {
    public let label: String
    public let warnings: [String]
    public let fitted: [Double]
    /// Centred seasonal effects by season (0 ..< m).
    public let effects: [Double]
    public let level: Double
    public let sigma: Double
    let period: Int
    let nextSeason: Int

    public func forecast(horizon: Int) -> [Distribution] {
      guard horizon > 0 else { return [] }
      return (1...horizon).map { h in
        let k = (h - 1) / period
        return .normal(mean: level + effects[(nextSeason + h - 1) % period], sd: sigma * Double(k + 1).squareRoot())
      }
    }

    /// One level shared by every season, walking once a cycle: Cov(h, k) ∝ min(c_h, c_k), c the
    /// cycle count (so the variance σ²·c_h of ``forecast(horizon:)``).
    public func errorCorrelation(horizon: Int) -> [Double] {
      let n = horizon
      var cov = [Double](repeating: 0, count: n * n)
      for i in 0..<n { for j in 0..<n { cov[i * n + j] = Double(min(i / period, j / period) + 1) } }
      return ErrorCorrelation.fromCovariance(cov, n: n)
    }
  }

  public func fit(_ series: SeriesInput) throws -> Fitted {
    let m = series.period, v = series.values, n = v.count
    let observed = series.observedCount
    guard observed > 0 else { throw ModelError.noObservations }
    guard m > 1 else { throw ModelError.failed("averaged seasonal naive needs a seasonal period") }
    guard observed >= m + 1 || (seasonalPrior != nil && observed >= m) else { throw ModelError.tooFewObservations(needed: m + 1, have: observed) }
    let reg = try SeasonalRegression(trend: observed >= m + 2, seasonal: true, seasonalPrior: seasonalPrior, minimumSeasonalCycles: 1).fit(series)
    var warnings = reg.warnings.filter { $0.contains("prior") }
    var gamma = [Double](repeating: 0, count: m)
    for (i, name) in reg.termNames.enumerated() where name.hasPrefix("season") {
      if let s = Int(name.dropFirst("season".count)), s >= 2, s <= m { gamma[s - 1] = reg.coefficients[i] ?? 0 }
    }
    if !reg.termNames.contains(where: { $0.hasPrefix("season") }) {
      warnings.append("seasonal effects could not be estimated: flat level used")
    }
    let mean = gamma.reduce(0, +) / Double(m)
    let effects = gamma.map { $0 - mean }
    let adjusted = (0..<n).map { v[$0] - effects[series.season(at: $0)] }
    func recentLevel(before end: Int) -> Double? {
      var s = 0.0, c = 0
      var t = end - 1
      while t >= 0 && t >= end - m { if !adjusted[t].isNaN { s += adjusted[t]; c += 1 }; t -= 1 }
      return c > 0 ? s / Double(c) : nil
    }
    var fitted = [Double](repeating: .nan, count: n)
    var sse = 0.0, count = 0
    for t in m..<max(n, m) where !v[t].isNaN {
      guard let l = recentLevel(before: t) else { continue }
      fitted[t] = l + effects[series.season(at: t)]
      sse += (v[t] - fitted[t]) * (v[t] - fitted[t]); count += 1
    }
    let sigma = count > 0 ? (sse / Double(count)).squareRoot() : 0
    if count == 0 { warnings.append("no in-sample error to size the interval (shown with zero width)") }
    return Fitted(label: "snaive-avg", warnings: warnings, fitted: fitted, effects: effects, level: recentLevel(before: n) ?? 0,
                  sigma: sigma, period: m, nextSeason: series.season(at: n))
  }
}
