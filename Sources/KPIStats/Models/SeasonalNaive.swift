

/// Seasonal naive: ŷ_{T+h} = y_{T+h−m(k+1)}, k = ⌊(h−1)/m⌋, Normal with variance σ²(k+1), σ² the
/// mean squared seasonal difference (R `forecast::snaive`). A missing lag value is replaced by
/// the latest observed value of the same season; with no complete seasonal difference the model
/// falls back to the naive (m = 1) form and says so.
public struct SeasonalNaive: ForecastModel {
  public init() {}

  public struct Fitted: FittedForecastModel {
    public let label: String
    public let warnings: [String]
    public let fitted: [Double]
    let lastBySeason: [Double]
    let sigma: Double
    let period: Int
    let nextSeason: Int

    public func forecast(horizon: Int) -> [Distribution] {
      guard horizon > 0 else { return [] }
      return (1...horizon).map { h in
        let k = (h - 1) / period
        let s = (nextSeason + h - 1) % period
        return .normal(mean: lastBySeason[s], sd: sigma * Double(k + 1).squareRoot())
      }
    }

    /// Each season's own random walk (R `snaive`'s error model).
    public func errorCorrelation(horizon: Int) -> [Double] { ErrorCorrelation.seasonalRandomWalk(period: period, horizon: horizon) }
  }

  public func fit(_ series: SeriesInput) throws -> Fitted {
    let v = series.values
    guard series.observedCount > 0 else { throw ModelError.noObservations }
    var m = series.period
    var warnings = [String]()
    var diffs = seasonalDifferences(v, lag: m)
    if diffs.isEmpty && m > 1 {
      m = 1
      diffs = seasonalDifferences(v, lag: 1)
      warnings.append("no full seasonal cycle of data: naive (last value) used instead of seasonal naive")
    }
    let sigma = diffs.isEmpty ? 0 : (diffs.reduce(0) { $0 + $1 * $1 } / Double(diffs.count)).squareRoot()
    if diffs.isEmpty { warnings.append("one observation: no interval can be estimated (shown with zero width)") }
    var last = [Double](repeating: .nan, count: m)
    var fitted = [Double](repeating: .nan, count: v.count)
    let season = SeriesInput(values: v, period: m, firstSeason: m == 1 ? 0 : series.firstSeason)
    for t in v.indices {
      let s = season.season(at: t)
      if !v[t].isNaN { fitted[t] = last[s] }  // NaN at gaps, per the protocol
      if !v[t].isNaN { last[s] = v[t] }
    }
    // Seasons never observed take the latest observed value of any season.
    let latest = v.last(where: { !$0.isNaN }) ?? 0
    let unseen = (0..<m).filter { last[$0].isNaN }
    for s in unseen { last[s] = latest }
    if !unseen.isEmpty {
      warnings.append("\(unseen.count) season(s) never observed: their forecasts repeat the latest value")
    }
    return Fitted(label: m > 1 ? "snaive" : "naive", warnings: warnings, fitted: fitted, lastBySeason: last,
                  sigma: sigma, period: m, nextSeason: season.season(at: v.count))
  }
}

/// Lag-`lag` differences y_t − y_{t−lag} where both are observed.
func seasonalDifferences(_ v: [Double], lag: Int) -> [Double] {
  guard v.count > lag else { return [] }
  var d = [Double]()
  for t in lag..<v.count where !v[t].isNaN && !v[t - lag].isNaN { d.append(v[t] - v[t - lag]) }
  return d
}
