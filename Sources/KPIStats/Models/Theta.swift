import Foundation

/// The Theta method on seasonally adjusted data (Assimakopoulos & Nikolopoulos 2000; Hyndman &
/// Billah 2003, as R `forecast::thetaf` 8.20).
///
/// 1. Seasonality: the 90% ACF test at lag m (``Decomposition/isSeasonal(_:period:minimumLength:)``;
///    `thetaf` needs n > 2m, the M4 code n ≥ 3m). When seasonal, the series is divided by
///    classical multiplicative indices (``Decomposition/multiplicativeIndices(_:period:)``), or,
///    when a value is ≤ 0 (log/logit scale), has additive effects subtracted.
/// 2. `classic`: SES on the adjusted series x (``SESFit``) plus half the OLS slope b of x on
///    t = 0 … n−1: x̂_{n+h} = ℓ_n + (b/2)·(h − 1 + (1 − (1−α)^n)/α) — `thetaf` exactly.
///    `optimised`: θ chosen on a grid in [1, 5] minimising the in-sample one-step MSE of the
///    θ-line model x̂ = (1/θ)·SES(Z_θ) + (1 − 1/θ)(A + Bt), Z_θ = θx + (1 − θ)(A + Bt)
///    (Fiorucci et al. 2016, "OTM" with the regression line fixed); θ = 1 is SES.
/// 3. Reseasonalise. Prediction sd σ·√(1 + (h−1)α²) (SES's), σ² = SSE/(n − 2), times the
///    seasonal index (R leaves it on the adjusted scale — the reason `thetaf` under-covers).
///
/// Interior gaps are filled by linear interpolation (named in `warnings`); fewer than three
/// observations throw ``ModelError/tooFewObservations(needed:have:)``.
public struct Theta: ForecastModel {
  public enum Method: String, Sendable { case classic, optimised }
  public enum SeasonalityTest: Sendable, Equatable {
    /// R `thetaf`: n > 2m. 
    case thetaf
    /// M4 benchmark code: n ≥ 3m.
    case m4
    /// Never deseasonalise.
    case never
  }
  /// How seasonal indices are taken out: `automatic` is multiplicative for positive data (as
  /// `thetaf`), else additive; use `additive` on a log or logit scale, where ratios to the trend
  /// mean nothing (the trend may cross 0).
  public enum SeasonalDecomposition: String, Sendable { case automatic, additive }

  public var method: Method
  public var seasonalityTest: SeasonalityTest
  public var decomposition: SeasonalDecomposition

  public init(method: Method = .classic, seasonalityTest: SeasonalityTest = .thetaf, decomposition: SeasonalDecomposition = .automatic) {
    self.method = method
    self.seasonalityTest = seasonalityTest
    self.decomposition = decomposition
  }

  public struct Fitted: FittedForecastModel {
    public let label: String
    public let warnings: [String]
    public let fitted: [Double]
    public let alpha: Double
    public let theta: Double
    /// Level of the smoothed line after the last value (on the adjusted scale).
    public let level: Double
    /// OLS intercept A and slope B of the adjusted series on t = 0 … n−1.
    public let intercept: Double
    public let slope: Double
    public let sigma: Double
    /// Seasonal indices by position from the first used value (empty when not seasonal).
    public let seasonalIndices: [Double]
    public let multiplicative: Bool
    public let method: Method
    let length: Int

    /// Point forecast on the adjusted scale h steps ahead.
    func adjustedMean(_ h: Int) -> Double {
      let n = Double(length)
      if method == .classic {
        // thetaf's form (Hyndman & Billah 2003, eq. for SES with drift b/2).
        return level + slope / 2 * (Double(h - 1) + (1 - pow(1 - alpha, n)) / alpha)
      }
      return level / theta + (1 - 1 / theta) * (intercept + slope * (n - 1 + Double(h)))
    }

    public func forecast(horizon: Int) -> [Distribution] {
      guard horizon > 0 else { return [] }
      let m = seasonalIndices.count
      return (1...horizon).map { h in
        let mean = adjustedMean(h)
        let sd = sigma * (1 + Double(h - 1) * alpha * alpha).squareRoot()
        guard m > 0 else { return .normal(mean: mean, sd: sd) }
        let s = seasonalIndices[(length - 1 + h) % m]
        return multiplicative ? .normal(mean: mean * s, sd: sd * s) : .normal(mean: mean + s, sd: sd)
      }
    }

    /// SES with drift, i.e. ETS(A,N,N): ψ-weights c_j = α (so Var ∝ 1 + (h−1)α²).
    public func errorCorrelation(horizon: Int) -> [Double] {
      ErrorCorrelation.innovations(psi: [Double](repeating: alpha, count: max(horizon - 1, 0)), horizon: horizon)
    }
  }

  public func fit(_ series: SeriesInput) throws -> Fitted {
    var warnings = [String]()
    let (y, offset, filled) = Theta.interpolated(series.values)
    if filled > 0 { warnings.append("\(filled) missing value(s) filled by linear interpolation for Theta") }
    guard y.count >= 3 else { throw ModelError.tooFewObservations(needed: 3, have: y.count) }
    let n = y.count, m = series.period
    var isSeasonal = false
    switch seasonalityTest {
    case .thetaf: isSeasonal = Decomposition.isSeasonal(y, period: m, minimumLength: 2 * m + 1)
    case .m4: isSeasonal = Decomposition.isSeasonal(y, period: m, minimumLength: 3 * m)
    case .never: isSeasonal = false
    }
    var indices = [Double]()
    let multiplicative = decomposition == .automatic && y.allSatisfy { $0 > 0 }
    if isSeasonal {
      let found = multiplicative ? Decomposition.multiplicativeIndices(y, period: m) : Decomposition.additiveIndices(y, period: m)
      if let f = found, !(multiplicative && f.contains { abs($0) < 1e-4 }) { indices = f }
      else { warnings.append("seasonal indices could not be estimated: non-seasonal Theta used") }
    }
    var x = y
    if !indices.isEmpty {
      for t in 0..<n { x[t] = multiplicative ? y[t] / indices[t % m] : y[t] - indices[t % m] }
    }
    // OLS line of x on t = 0 … n−1.
    let tMean = Double(n - 1) / 2
    let xMean = x.reduce(0, +) / Double(n)
    var sxy = 0.0, sxx = 0.0
    for t in 0..<n { let d = Double(t) - tMean; sxy += d * (x[t] - xMean); sxx += d * d }
    let slope = sxx > 0 ? sxy / sxx : 0
    let intercept = xMean - slope * tMean

    var theta = 2.0, ses: SESFit, adjFitted: [Double]
    var label = "theta"
    switch method {
    case .classic:
      ses = SESFit.fit(x)
      adjFitted = ses.fitted
    case .optimised:
      var best: (mse: Double, theta: Double, fit: SESFit)? = nil
      var z = x
      for th in [1.0, 1.5, 2, 2.5, 3, 4, 5] {
        for t in 0..<n { z[t] = th * x[t] + (1 - th) * (intercept + slope * Double(t)) }
        let f = SESFit.fit(z)
        let mse = f.sse / (th * th)
        if best == nil || mse < best!.mse - 1e-12 * abs(mse) { best = (mse, th, f) }
      }
      theta = best?.theta ?? 1
      ses = best?.fit ?? SESFit.fit(x)
      adjFitted = (0..<n).map { t in ses.fitted[t] / theta + (1 - 1 / theta) * (intercept + slope * Double(t)) }
      label = "theta(θ=\(theta))"
    }
    var sse = 0.0
    for t in 0..<n { sse += (x[t] - adjFitted[t]) * (x[t] - adjFitted[t]) }
    let sigma = n > 2 ? (sse / Double(n - 2)).squareRoot() : 0
    var fitted = [Double](repeating: .nan, count: series.values.count)
    for t in 0..<n {
      let s = indices.isEmpty ? (multiplicative ? 1 : 0) : indices[t % m]
      let f = indices.isEmpty ? adjFitted[t] : (multiplicative ? adjFitted[t] * s : adjFitted[t] + s)
      if !series.values[offset + t].isNaN { fitted[offset + t] = f }
    }
    if !indices.isEmpty { label += multiplicative ? "+season(x)" : "+season(+)" }
    return Fitted(label: label, warnings: warnings, fitted: fitted, alpha: ses.alpha, theta: theta,
                  level: ses.finalLevel, intercept: intercept, slope: slope, sigma: sigma,
                  seasonalIndices: indices, multiplicative: multiplicative || indices.isEmpty, method: method, length: n)
  }

  /// Values from the first to the last observation with interior gaps linearly interpolated:
  /// (values, offset of the first observation, number filled).
  static func interpolated(_ v: [Double]) -> ([Double], Int, Int) {
    guard let first = v.firstIndex(where: { !$0.isNaN }), let last = v.lastIndex(where: { !$0.isNaN }) else { return ([], 0, 0) }
    var out = Array(v[first...last])
    var filled = 0
    var prev = 0
    for i in 1..<max(out.count, 1) where !out[i].isNaN {
      if i - prev > 1 {
        for j in (prev + 1)..<i { out[j] = out[prev] + (out[i] - out[prev]) * Double(j - prev) / Double(i - prev); filled += 1 }
      }
      prev = i
    }
    return (out, first, filled)
  }
}
