import KPIData
import KPIStats

/// The forecast of one series: a distribution per future period, how the periods move together,
/// the model used and what was simplified on the way. An empty `distributions` means no
/// forecast could be made (see `notes`; `refusal` says when the user's own option was the cause).
public struct SeriesForecast: Sendable {
  public var series: KPISeries
  public var periods: [Period]
  public var distributions: [ForecastDistribution]
  /// Error correlation of the forecast steps on the model scale (row-major steps × steps).
  public var correlation: [Double]
  /// Model description for the `model` column, e.g. `regression(level+trend+season) logit`.
  public var model: String
  public var transform: Transform
  public var notes: [ForecastNote]
  /// Set when the series was not forecast because an explicit option cannot be honoured.
  public var refusal: ForecastError?

  public init(series: KPISeries, periods: [Period], distributions: [ForecastDistribution], correlation: [Double], model: String,
              transform: Transform, notes: [ForecastNote], refusal: ForecastError? = nil) {
    self.series = series
    self.periods = periods
    self.distributions = distributions
    self.correlation = correlation
    self.model = model
    self.transform = transform
    self.notes = notes
    self.refusal = refusal
  }

  /// The forecast without its bands, periods and values: what is kept of a series once its rows
  /// are written (its key, model label, notes and refusal, for the grouped notes and exit code).
  public var stripped: SeriesForecast {
    var s = series
    s.values = []
    return SeriesForecast(series: s, periods: [], distributions: [], correlation: [], model: model, transform: transform,
                          notes: notes, refusal: refusal)
  }

  /// The notes as text (one line each), for output.
  public var warnings: [String] { notes.map(\.text) }

  /// Joint draws of the first `steps` forecast steps on the data scale, row-major (path i, step
  /// j at i·steps + j): each step's marginal is exactly its distribution and the steps move
  /// together as the model implies (``PathSampler``); the same `seed` gives the same draws of
  /// the first steps however many steps are asked for.
  public func samplePaths(steps k: Int, count: Int, seed: UInt64) -> [Double] {
    let h = distributions.count
    guard k > 0, k <= h, count > 0 else { return [] }
    var sub = [Double](repeating: 0, count: k * k)
    let full = correlation.count == h * h
    for i in 0..<k { for j in 0..<k { sub[i * k + j] = full ? correlation[i * h + j] : (i == j ? 1 : 0) } }
    let sampler = PathSampler(marginals: distributions.prefix(k).map(\.base), correlation: sub)
    var paths = sampler.sample(count: count, seed: seed)
    for i in paths.indices { paths[i] = distributions[i % k].transform.inverse(paths[i]) }
    return paths
  }
}
