

/// Random walk with drift: ŷ_{T+h} = y_T + h·b, b = (y_T − y_1)/(T − 1) over the first and last
/// observations; Normal with sd σ̂·√(h(1 + h/(T − 1))) (Hyndman & Athanasopoulos, FPP3 §5.5),
/// σ̂² the residual variance of the one-step changes about b with T − 2 degrees of freedom.
public struct Drift: ForecastModel {
  public init() {}

  public struct Fitted: FittedForecastModel {
    public let label: String
    public let warnings: [String]
    public let fitted: [Double]
    let last: Double
    let slope: Double
    let sigma: Double
    let span: Double
    let stepsSinceLast: Int

    public func forecast(horizon: Int) -> [Distribution] {
      guard horizon > 0 else { return [] }
      return (1...horizon).map { h in
        let steps = Double(h + stepsSinceLast)
        return .normal(mean: last + steps * slope, sd: sigma * (steps * (1 + steps / max(span, 1))).squareRoot())
      }
    }

    /// A random walk with an estimated drift: Cov(h, k) ∝ min(h, k) + h·k/span (the drift's
    /// error is shared by every step, R `rwf(drift = TRUE)`'s variance).
    public func errorCorrelation(horizon: Int) -> [Double] {
      let n = horizon
      var cov = [Double](repeating: 0, count: n * n)
      for i in 0..<n {
        for j in 0..<n {
          let a = Double(i + 1 + stepsSinceLast), b = Double(j + 1 + stepsSinceLast)
          cov[i * n + j] = min(a, b) + a * b / max(span, 1)
        }
      }
      return ErrorCorrelation.fromCovariance(cov, n: n)
    }
  }

  public func fit(_ series: SeriesInput) throws -> Fitted {
    let v = series.values
    let obs = v.indices.filter { !v[$0].isNaN }
    guard let first = obs.first, let lastIndex = obs.last else { throw ModelError.noObservations }
    var warnings = [String]()
    let span = Double(lastIndex - first)
    let slope = span > 0 ? (v[lastIndex] - v[first]) / span : 0
    // One-step changes per period between consecutive observations, gaps spread evenly.
    var res = [Double]()
    for (a, b) in zip(obs, obs.dropFirst()) {
      let gap = Double(b - a)
      res.append((v[b] - v[a]) / gap - slope)
    }
    let sigma: Double
    if res.count >= 2 {
      sigma = (res.reduce(0) { $0 + $1 * $1 } / Double(res.count - 1)).squareRoot()
    } else {
      sigma = 0
      warnings.append("fewer than three observations: drift interval cannot be estimated (shown with zero width)")
    }
    var fitted = [Double](repeating: .nan, count: v.count)
    for (a, b) in zip(obs, obs.dropFirst()) { fitted[b] = v[a] + Double(b - a) * slope }
    return Fitted(label: "drift", warnings: warnings, fitted: fitted, last: v[lastIndex], slope: slope, sigma: sigma,
                  span: span, stepsSinceLast: v.count - 1 - lastIndex)
  }
}
