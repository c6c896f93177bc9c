import Foundation

/// Automatic ETS: fits every candidate form R `ets(y)` (model = "ZZZ", forecast 8.20 defaults)
/// would try and keeps the lowest AICc (ties: the first in R's loop order).
///
/// Candidates (`ETSModelType.candidates`): errors A and M, trends N, A, Ad, seasons N, A, M,
/// without multiplicative trend, without ETS(A,·,M), multiplicative forms only for strictly
/// positive data, seasonal forms only when m > 1 and there are more than m values. A form is
/// skipped when it has at least n − 1 free parameters or its likelihood is not finite at the start
/// (as R's `try`). A constant series gets R's answer: simple exponential smoothing with α = 0.99999.
///
/// Deviation from R: for very short series (n ≤ 6) R falls back to `HoltWinters`; here only the
/// forms with enough data are fitted, and `ModelError.tooFewObservations` is thrown if none has.
public struct ETSSelection: ForecastModel {
  public enum Criterion: String, Sendable { case aicc, aic, bic }

  public var criterion: Criterion
  public var bounds: ETSAdmissibility.Bounds
  public var maxEvaluations: Int
  /// Restrict to these forms (default: R's candidate set); forbidden or impossible ones are skipped.
  public var allowed: Set<ETSModelType>?
  /// What each candidate's estimation minimises (R `opt.crit`).
  public var optimization: ETSOptimizationCriterion
  /// Smoothing parameters given for every candidate (R `ets(y, alpha = …)`).
  public var fixed: ETSFixedParameters
  /// Nelder–Mead relative convergence tolerance for every candidate (R `reltol`, √ε by default).
  public var relativeTolerance = NelderMead.Options().relativeTolerance

  public init(criterion: Criterion = .aicc, bounds: ETSAdmissibility.Bounds = .init(), maxEvaluations: Int = 2000,
              allowed: Set<ETSModelType>? = nil, optimization: ETSOptimizationCriterion = .likelihood,
              fixed: ETSFixedParameters = .init()) {
    self.criterion = criterion
    self.bounds = bounds
    self.maxEvaluations = maxEvaluations
    self.allowed = allowed
    self.optimization = optimization
    self.fixed = fixed
  }

  /// The chosen fit plus every candidate's criterion (for reports and tests).
  public struct Selection: Sendable {
    public var best: ETSFit
    /// (form, criterion value) for each candidate tried, in R's loop order; `.infinity` = failed.
    public var candidates: [(model: ETSModelType, value: Double)]
  }

  public func fit(_ series: SeriesInput) throws -> ETSFit { try select(series).best }

  /// Fits all candidates and returns the best with the criterion table.
  public func select(_ series: SeriesInput) throws -> Selection {
    var estimator = ETSEstimator()
    return try select(series, estimator: &estimator)
  }

  func select(_ series: SeriesInput, estimator: inout ETSEstimator) throws -> Selection {
    estimator.optimizer.options.maxEvaluations = maxEvaluations
    estimator.optimizer.options.relativeTolerance = relativeTolerance
    var prepared = try ETSPreparedSeries(series)
    if prepared.constant {
      let fit = prepared.constantFit()
      return Selection(best: fit, candidates: [(fit.model, .nan)])
    }
    let seasonal = prepared.period > 1 && prepared.period <= 24 && prepared.values.count > prepared.period
    var table = [(model: ETSModelType, value: Double)]()
    var best: ETSFit?
    var bestValue = Double.infinity
    var lastError: ModelError?
    for model in ETSModelType.candidates(seasonal: seasonal, positive: prepared.positive) {
      if let allowed, !allowed.contains(model) { continue }
      let value: Double
      do {
        let fit = try prepared.fit(model, estimator: &estimator, bounds: bounds, start: nil, criterion: optimization,
                                   fixed: fixed)
        switch criterion {
        case .aicc: value = fit.aicc
        case .aic: value = fit.aic
        case .bic: value = fit.bic
        }
        if value < bestValue {
          bestValue = value
          best = fit
        }
      } catch let e as ModelError {
        // Keep the most useful reason: the smallest number of observations any form needs.
        var keep = true
        if case .tooFewObservations(let need, _) = e, case .tooFewObservations(let had, _)? = lastError {
          keep = need < had
        }
        if keep { lastError = e }
        value = .infinity
      }
      table.append((model, value))
    }
    guard let best else {
      throw lastError ?? ModelError.failed("no ETS model could be fitted")
    }
    return Selection(best: best, candidates: table)
  }
}

extension ETSPreparedSeries {
  /// R `ets` on a constant series: `ses(y, alpha = 0.99999, initial = "simple")`, ℓ₀ = y₁, σ = 0.
  func constantFit() -> ETSFit {
    let model = ETSModelType(unchecked: .additive, .none, false, .none)
    var fit = result(model: model, m: 1, parameters: ETSParameters(alpha: 0.99999),
                     initial: ETSStates(level: values[0]), parameterCount: 2, evaluations: 0, code: 0,
                     warnings: ["constant series: simple exponential smoothing with alpha 0.99999 (as R ets)"])
    fit = fit.withCriteria(logLikelihood: .nan, aic: .nan, aicc: .nan, bic: .nan)
    return fit
  }
}

extension ETSFit {
  func withCriteria(logLikelihood: Double, aic: Double, aicc: Double, bic: Double) -> ETSFit {
    ETSFit(model: model, period: period, parameters: parameters, initialStates: initialStates,
           finalStates: finalStates, logLikelihood: logLikelihood, aic: aic, aicc: aicc, bic: bic, sigma2: sigma2,
           mse: mse, parameterCount: parameterCount, observedCount: observedCount,
           stepsAfterLastObservation: stepsAfterLastObservation, evaluations: evaluations,
           convergence: convergence, fitted: fitted, innovations: innovations, warnings: warnings)
  }
}
