import KPIStats

/// Interval calibration from rolling-origin errors inside the training data.
///
/// At a few origins o before the end of the training data the method is refitted on y₁…y_o and
/// its forecasts compared with y_{o+1}…: each error is standardised by the method's analytic sd
/// at that step, z = (y − ŷ)/sd. The calibrated forecast distribution at step h is then
/// ŷ_h + sd_h·Z, Z the empirical distribution of the pooled z (a location–scale form of
/// split-conformal prediction; Vovk et al. 2005, Stankeviciute et al. 2021). Pooling is over the
/// series of one run (or one series' own errors), never over data after the forecast origin.
public struct IntervalCalibration: Sendable, Equatable {
  /// Quantiles of the pooled z at probabilities i/200, i = 0 … 200 (so R type-7 quantiles of
  /// these 201 values reproduce the pool's at every half percent).
  public let zQuantiles: [Double]
  /// Number of standardised errors pooled.
  public let count: Int

  /// Fewest pooled errors for a calibration; below it intervals stay analytic.
  public static let minimumCount = 20

  /// Pools standardised errors; `nil` when there are fewer than ``minimumCount`` finite ones.
  public init?(errors: [Double]) {
    let z = errors.filter(\.isFinite).sorted()
    guard z.count >= Self.minimumCount else { return nil }
    let e = Distribution.empirical(sortedSamples: z)
    zQuantiles = (0...200).map { e.quantile(Double($0) / 200) }
    count = z.count
  }

  /// The calibrated distributions ŷ_h + sd_h·(Z − c); steps with sd = 0 keep a point mass.
  /// Only the shape of Z is used, not its bias: c is Z's mean (or, with `centreOnMedian`, its
  /// median — for transformed series, whose point forecast is the back-transformed median), so
  /// the point forecast stays the model's.
  public func distributions(mean: [Double], sd: [Double], centreOnMedian: Bool = false) -> [Distribution] {
    let c = centreOnMedian ? zQuantiles[100] : zQuantiles.reduce(0, +) / Double(zQuantiles.count)
    return zip(mean, sd).map { m, s in
      s > 0 && s.isFinite ? .empirical(sortedSamples: zQuantiles.map { m + s * ($0 - c) }) : .normal(mean: m, sd: 0)
    }
  }

  /// How the output's intervals were made, for reports.
  public func describe() -> String { "calibrated (rolling-origin, \(count) errors)" }

  /// Origins for inner rolling-origin errors of a series of `n` values: up to `count` origins
  /// with a full `horizon` after them spaced two apart, else (short series) every origin from
  /// n − 1 down with at least `minimumTrain` values before it.
  public static func origins(n: Int, horizon: Int, count: Int, minimumTrain: Int) -> [Int] {
    var out = [Int]()
    var o = n - horizon
    while out.count < count && o >= minimumTrain { out.append(o); o -= 2 }
    if out.isEmpty {
      o = n - 1
      while out.count < count && o >= minimumTrain { out.append(o); o -= 1 }
    }
    return out
  }

  /// Standardised errors of `method` at inner origins of one series.
  public static func standardisedErrors(_ m: ModelInput, horizon: Int, origins count: Int,
                                        method: (ModelInput, Int) throws -> ModelForecast) -> [Double] {
    let n = m.input.values.count
    let minTrain = max(m.input.period + 2, 6)
    var z = [Double]()
    for o in origins(n: n, horizon: horizon, count: count, minimumTrain: minTrain) {
      let steps = min(horizon, n - o)
      guard let f = try? method(m.prefix(o), steps) else { continue }
      for h in 0..<steps {
        let y = m.input.values[o + h]
        guard !y.isNaN, f.sd[h] > 0, f.sd[h].isFinite else { continue }
        z.append((y - f.mean[h]) / f.sd[h])
      }
    }
    return z
  }
}
