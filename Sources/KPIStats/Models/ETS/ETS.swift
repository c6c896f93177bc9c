import Foundation

/// An exponential smoothing state space model of one given form, ETS(error, trend, season),
/// estimated by maximum likelihood as R `forecast::ets(y, model = "...")` (forecast 8.20;
/// Hyndman, Koehler, Ord & Snyder 2008, *Forecasting with Exponential Smoothing*).
///
/// Seasonal period m is `SeriesInput.period`. Leading missing values are dropped; later gaps are
/// skipped by the recursions and left out of the likelihood (see `ETSRecursion`). Use
/// `ETSSelection` to choose the form by AICc as `ets()` does.
public struct ETS: ForecastModel {
  public var model: ETSModelType
  public var bounds: ETSAdmissibility.Bounds
  /// Nelder–Mead evaluation limit (R `maxit`).
  public var maxEvaluations: Int
  /// What is minimised (R `opt.crit`; `.mse` reproduces R's `ses`/`holt`).
  public var criterion: ETSOptimizationCriterion
  /// Smoothing parameters held fixed (R `alpha = `, `beta = `, `gamma = `, `phi = `).
  public var fixed: ETSFixedParameters
  /// Nelder–Mead relative convergence tolerance (R `reltol`, √ε by default).
  public var relativeTolerance = NelderMead.Options().relativeTolerance

  /// Throws `ModelError.failed` for the forms R forbids by default (additive error with
  /// multiplicative season).
  public init(_ model: ETSModelType, bounds: ETSAdmissibility.Bounds = .init(), maxEvaluations: Int = 2000,
              criterion: ETSOptimizationCriterion = .likelihood, fixed: ETSFixedParameters = .init()) throws {
    guard !(model.error == .additive && model.season == .multiplicative) else {
      throw ModelError.failed("\(model) is not offered (unstable: additive error with multiplicative season)")
    }
    self.model = model
    self.bounds = bounds
    self.maxEvaluations = maxEvaluations
    self.criterion = criterion
    self.fixed = fixed
  }

  public func fit(_ series: SeriesInput) throws -> ETSFit {
    var estimator = ETSEstimator()
    estimator.optimizer.options.maxEvaluations = maxEvaluations
    estimator.optimizer.options.relativeTolerance = relativeTolerance
    var prepared = try ETSPreparedSeries(series)
    return try prepared.fit(model, estimator: &estimator, bounds: bounds, start: nil, criterion: criterion,
                            fixed: fixed)
  }

  /// The fit at given parameters and initial states (no optimisation): the exact check of the
  /// recursions against R (`ets(y, model = fit, use.initial.values = TRUE)` / `pegelsresid.C`).
  /// `states.seasonal` has m values in time order (see `ETSStates`).
  public static func evaluate(
    _ series: SeriesInput, model: ETSModelType, parameters: ETSParameters, states: ETSStates
  ) throws -> ETSFit {
    let prepared = try ETSPreparedSeries(series)
    let m = model.hasSeason ? series.period : 1
    guard !model.hasSeason || (m > 1 && m <= 24) else {
      throw ModelError.failed("\(model) needs a seasonal period from 2 to 24, the series has \(m)")
    }
    guard !model.hasSeason || states.seasonal.count == m else {
      throw ModelError.failed("ETS: \(m) initial seasonal states needed, \(states.seasonal.count) given")
    }
    return prepared.result(model: model, m: m, parameters: parameters, initial: states,
                           parameterCount: ETSEstimator.parameterCount(model, m: m), evaluations: 0, code: 0,
                           warnings: [])
  }
}
