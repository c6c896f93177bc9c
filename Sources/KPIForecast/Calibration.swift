import Foundation
import KPIStats

/// A standardised forecast error z = (y − ŷ)/sd at step h after its origin.
public struct StandardisedError: Sendable, Equatable {
  public var step: Int
  public var z: Double
  public init(step: Int, z: Double) { self.step = step; self.z = z }
}

/// Interval calibration from rolling-origin errors inside the training data.
///
/// At a few origins o before the end of the training data the method is refitted on y₁…y_o and
/// its forecasts compared with y_{o+1}…: each error is standardised by the method's analytic sd
/// at that step, z = (y − ŷ)/sd. How the spread of z grows with the step is fitted as a power
/// law, log MAD_h(z) = a + b·log h (least squares over the steps with at least 30 errors,
/// 0 ≤ b ≤ 1; b = 0 with one such step), so steps beyond those the inner origins reach — all
/// of them past step 4 for a ten-quarter series — are extrapolated rather than assumed as
/// good as the first. The calibrated distribution at step h is ŷ_h + sd_h·c(h)·U, c(h) =
/// exp(a + b·log h), U the empirical distribution of the pooled z/c(h) (a location–scale form
/// of split-conformal prediction; Vovk et al. 2005, Stankeviciute et al. 2021). Pooling is over
/// the series of one run, never over data after the forecast origin.
public struct IntervalCalibration: Sendable, Equatable {
  /// Quantiles of the pooled u = z/c(h) at probabilities i/200, i = 0 … 200 (so R type-7
  /// quantiles of these 201 values reproduce the pool's at every half percent).
  public let zQuantiles: [Double]
  /// ``zQuantiles`` less their median and less their mean (see ``distributions(mean:sd:centreOnMedian:)``).
  let centredOnMedian: [Double], centredOnMean: [Double]
  /// Number of standardised errors pooled.
  public let count: Int
  /// Growth law of the error spread with the step: c(h) = exp(a + b·log h).
  public let growthIntercept: Double
  public let growthExponent: Double

  /// Fewest pooled errors for a calibration; below it intervals stay analytic.
  public static let minimumCount = 20
  /// Fewest errors at a step for it to enter the growth law.
  public static let minimumPerStep = 30

  /// Pools standardised errors of any step (no growth law: c(h) = 1); `nil` when there are
  /// fewer than ``minimumCount`` finite ones.
  public init?(errors: [Double]) {
    let z = errors.filter(\.isFinite).sorted()
    guard z.count >= Self.minimumCount else { return nil }
    let e = Distribution.empirical(sortedSamples: z)
    zQuantiles = (0...200).map { e.quantile(Double($0) / 200) }
    (centredOnMedian, centredOnMean) = Self.centred(zQuantiles)
    count = z.count
    growthIntercept = 0
    growthExponent = 0
  }

  /// Pools standardised errors with their steps, fitting the growth law.
  public init?(errors: [StandardisedError]) {
    let finite = errors.filter { $0.z.isFinite && $0.step >= 1 }
    guard finite.count >= Self.minimumCount else { return nil }
    var byStep = [Int: [Double]]()
    for e in finite { byStep[e.step, default: []].append(e.z) }
    var logH = [Double](), logS = [Double]()
    // Steps in order: a dictionary's order changes from run to run, and the fit's last bits with it.
    for h in byStep.keys.sorted() {
      guard let zs = byStep[h], zs.count >= Self.minimumPerStep else { continue }
      let s = Self.mad(zs)
      if s > 0 { logH.append(Foundation.log(Double(h))); logS.append(Foundation.log(s)) }
    }
    var a = 0.0, b = 0.0
    if logH.count >= 2, let fit = try? leastSquares(design: logH.map { [1, $0] }, response: logS),
       let a0 = fit.coefficients[0], let b0 = fit.coefficients[1] {
      b = min(max(b0, 0), 1)
      // Refit the intercept with the slope clamped: mean of log s − b·log h.
      a = zip(logS, logH).reduce(0) { $0 + $1.0 - b * $1.1 } / Double(logH.count)
      if b == b0 { a = a0 }
    } else if let only = logS.first {
      a = only
    }
    let u = finite.map { $0.z / exp(a + b * Foundation.log(Double($0.step))) }.sorted()
    let e = Distribution.empirical(sortedSamples: u)
    zQuantiles = (0...200).map { e.quantile(Double($0) / 200) }
    (centredOnMedian, centredOnMean) = Self.centred(zQuantiles)
    count = u.count
    growthIntercept = a
    growthExponent = b
  }

  /// c(h), the spread multiplier at step h.
  public func factor(step h: Int) -> Double { exp(growthIntercept + growthExponent * Foundation.log(Double(max(h, 1)))) }

  /// Median absolute deviation about the median.
  static func mad(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    let med = s[s.count / 2]
    let d = s.map { abs($0 - med) }.sorted()
    return d[d.count / 2]
  }

  /// The calibrated distributions ŷ_h + sd_h·c(h)·(U − c), steps h = 1, 2, …; steps with sd = 0
  /// keep a point mass. Only the shape of U is used, not its bias: c is U's mean (or, with
  /// `centreOnMedian`, its median — for transformed series, whose point forecast is the
  /// back-transformed median), so the point forecast stays the model's.
  public func distributions(mean: [Double], sd: [Double], centreOnMedian: Bool = false) -> [Distribution] {
    let centred = centreOnMedian ? centredOnMedian : centredOnMean
    return zip(mean, sd).enumerated().map { i, ms in
      let (m, s0) = ms
      let s = s0 * factor(step: i + 1)
      return s > 0 && s.isFinite ? .affineEmpirical(location: m, scale: s, standardSorted: centred) : .normal(mean: m, sd: 0)
    }
  }

  /// The quantiles less their median, and less their mean: the standard samples every
  /// calibrated band of a batch shares (each step stores only its location and scale).
  static func centred(_ q: [Double]) -> (median: [Double], mean: [Double]) {
    let c = q.reduce(0, +) / Double(q.count)
    return (q.map { $0 - q[100] }, q.map { $0 - c })
  }

  /// How the output's intervals were made, for reports.
  public func describe() -> String {
    "calibrated (rolling-origin, \(count) errors, spread ∝ h^\(String(format: "%.3f", growthExponent)), c(1) = \(String(format: "%.3f", factor(step: 1))))"
  }

  /// Origins for inner rolling-origin errors of a series of `n` values: up to `count` origins
  /// with a full `horizon` after them spaced two apart, else (short series) every origin from
  /// n − 1 down with at least `minimumTrain` values before it (``AutoLearner`` uses it for long
  /// series, with two seasonal cycles before each origin).
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
}
