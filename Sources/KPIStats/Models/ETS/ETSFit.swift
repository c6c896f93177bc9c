import Foundation

/// A fitted ETS model: estimates, information criteria (R's definitions) and forecasts.
public struct ETSFit: FittedForecastModel {
  public let model: ETSModelType
  /// Seasonal period used (1 for non-seasonal forms).
  public let period: Int
  public let parameters: ETSParameters
  /// States before the first observation and after the last observation (trailing gaps are
  /// forecast from there: step h after the series end is step h + `stepsAfterLastObservation`).
  public let initialStates: ETSStates
  public let finalStates: ETSStates
  /// R's `loglik`: −½(n·log Σε² + 2Σlog|μₜ|) (constants omitted, as R `ets`).
  public let logLikelihood: Double
  /// AIC = −2·loglik + 2k, AICc = AIC + 2k(k+1)/(n−k−1), BIC = −2·loglik + log(n)k, with k =
  /// free parameters + 1 (σ) and n observed periods (R `etsmodel`).
  public let aic: Double
  public let aicc: Double
  public let bic: Double
  /// σ̂² = Σε²/(n − p) as R `ets`, p all smoothing parameters (given ones too) and initial states
  /// (ε relative errors for multiplicative-error forms).
  public let sigma2: Double
  /// Mean squared one-step error on the data scale (R `mse`, a running mean as R computes it).
  public let mse: Double
  /// Parameters estimated (smoothing parameters not given, and initial states; not σ).
  public let parameterCount: Int
  public let observedCount: Int
  /// Missing positions at the end of the series.
  public let stepsAfterLastObservation: Int
  /// Objective evaluations used and R's convergence code (0 converged, 1 limit, 10 degenerate).
  public let evaluations: Int
  public let convergence: Int
  public let fitted: [Double]
  /// Model residuals εₜ (relative for multiplicative errors), NaN at gaps.
  public let innovations: [Double]
  public let warnings: [String]

  public var label: String { model.description }

  /// One line for reports, e.g. `ETS(M,A,M) α=0.467 β=0.0001 γ=0.383; AICc 900.45, σ 0.0603`.
  public var summary: String {
    func g(_ x: Double) -> String {
      x.isFinite ? String(format: abs(x) >= 0.001 || x == 0 ? "%.3f" : "%.1e", x) : "\(x)"
    }
    var parts = ["α=\(g(parameters.alpha))"]
    if model.hasTrend { parts.append("β=\(g(parameters.beta))") }
    if model.hasSeason { parts.append("γ=\(g(parameters.gamma))") }
    if model.damped { parts.append("φ=\(g(parameters.phi))") }
    let aiccText = aicc.isFinite ? String(format: "%.2f", aicc) : "n/a"
    return "\(model) " + parts.joined(separator: " ") + "; AICc \(aiccText), σ \(g(sigma2.squareRoot()))"
  }

  /// Forecast mean and variance for steps 1…h after the end of the series (R `forecast.ets`
  /// analytic classes 1–3; after trailing gaps the variance grows as for the unobserved steps).
  public func forecastMoments(horizon: Int) -> (mean: [Double], variance: [Double]) {
    guard horizon > 0 else { return ([], []) }
    let k = stepsAfterLastObservation
    let all = ETSForecastMoments.moments(fit: self, horizon: horizon + k)
    return (Array(all.mean.dropFirst(k)), Array(all.variance.dropFirst(k)))
  }

  /// Point forecasts (R `etsforecast`: the forecast with errors set to zero). For multiplicative
  /// seasonal forms R's `forecast()` reports the mean from `forecastMoments` instead.
  public func pointForecasts(horizon: Int) -> [Double] {
    guard horizon > 0 else { return [] }
    let k = stepsAfterLastObservation
    return Array(ETSRecursion.pointForecasts(model: model, parameters: parameters, states: finalStates,
                                             horizon: horizon + k).dropFirst(k))
  }

  /// Normal forecast distributions with R's analytic mean and variance.
  public func forecast(horizon: Int) -> [Distribution] {
    let (mean, variance) = forecastMoments(horizon: horizon)
    return zip(mean, variance).map { .normal(mean: $0, sd: max($1, 0).squareRoot()) }
  }

  /// The linear-innovations structure c_j = H F^{j−1} G (R `class1`); for multiplicative-error
  /// forms the same weights of the linearised model, an approximation of the joint structure
  /// (their marginal variances stay exact).
  public func errorCorrelation(horizon: Int) -> [Double] {
    guard horizon > 0 else { return [] }
    // class1 reads only the structure (ℓ, b, s; α, β, γ, φ), never the error type.
    let k = stepsAfterLastObservation
    let all = ErrorCorrelation.innovations(psi: ETSForecastMoments.class1(fit: self, horizon: horizon + k).c, horizon: horizon + k)
    guard k > 0 else { return all }
    let n = horizon + k
    return (0..<horizon).flatMap { i in (0..<horizon).map { j in all[(i + k) * n + (j + k)] } }
  }
}
