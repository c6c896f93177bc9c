/// What every predictive distribution offers — a forecast step, a year-end outturn, the pooled
/// annual mixture: its CDF, quantiles and point, from which intervals and probabilities are read
/// here once (fable's `distributional` objects: `hilo`, `cdf`, `quantile`).
public protocol PredictiveDistribution: Sendable {
  /// P(Y ≤ y).
  func cdf(_ y: Double) -> Double
  /// The p-quantile.
  func quantile(_ p: Double) -> Double
  /// The point forecast reported beside the interval.
  var point: Double { get }
}

extension PredictiveDistribution {
  /// The central interval at `level` percent (e.g. 80, 95).
  public func interval(level: Double) -> (lower: Double, upper: Double) {
    let a = (1 - level / 100) / 2
    return (quantile(a), quantile(1 - a))
  }

  /// P(Y ≥ y), right for point masses too (equality counts).
  public func probabilityAtLeast(_ y: Double) -> Double { 1 - cdf(y.nextDown) }

  /// P(Y ≤ y).
  public func probabilityAtMost(_ y: Double) -> Double { cdf(y) }
}
