import Foundation

/// A series made ready for ETS: leading gaps dropped, gaps interpolated for the starting-value
/// heuristics only, and R `initstate` values cached per (trend, season) form.
struct ETSPreparedSeries {
  let values: [Double]       // first to last observation; NaN = gap
  let offset: Int            // positions dropped at the start
  let trailing: Int          // positions after the last observation
  let totalCount: Int        // length of the original series
  let period: Int
  let observed: Int
  let positive: Bool
  let constant: Bool
  private let filled: [Double]
  private var startCache: [Int: ETSStates] = [:]

  init(_ series: SeriesInput) throws {
    guard let first = series.values.firstIndex(where: { !$0.isNaN }),
          let last = series.values.lastIndex(where: { !$0.isNaN }) else { throw ModelError.noObservations }
    guard series.values.allSatisfy({ $0.isNaN || $0.isFinite }) else {
      throw ModelError.failed("ETS: the series has an infinite value")
    }
    values = Array(series.values[first...last])
    offset = first
    trailing = series.values.count - 1 - last
    totalCount = series.values.count
    period = series.period
    let obs = values.filter { !$0.isNaN }
    observed = obs.count
    positive = obs.allSatisfy { $0 > 0 }
    constant = obs.allSatisfy { $0 == obs[0] }
    filled = ETSInitialization.filled(values)
  }

  /// R `initstate` starting values for a form (cached).
  mutating func startStates(trend: ETSTrendType, season: ETSSeasonType) throws -> ETSStates {
    let key = (trend == .additive ? 1 : 0) * 3 + (season == .none ? 0 : season == .additive ? 1 : 2)
    if let s = startCache[key] { return s }
    let s = try ETSInitialization.states(y: filled, m: period, trend: trend, season: season)
    startCache[key] = s
    return s
  }

  /// Why `model` cannot be fitted to this series, or nil (R's checks in `ets` and `etsmodel`).
  func unfittableReason(_ model: ETSModelType) -> ModelError? {
    if model.isMultiplicative && !positive {
      return .failed("\(model) needs strictly positive data")
    }
    if model.hasSeason {
      if period <= 1 { return .failed("\(model) needs a seasonal period above 1") }
      if period > 24 { return .failed("\(model): seasonal period \(period) is above 24") }
      if values.count <= period { return .tooFewObservations(needed: period + 1, have: observed) }
    }
    let k = ETSEstimator.parameterCount(model, m: model.hasSeason ? period : 1)
    if k >= observed - 1 { return .tooFewObservations(needed: k + 2, have: observed) }
    return nil
  }

  /// Estimates `model` (throws when R would refuse it or the start is not finite).
  mutating func fit(
    _ model: ETSModelType, estimator: inout ETSEstimator, bounds: ETSAdmissibility.Bounds, start: ETSStates?,
    criterion: ETSOptimizationCriterion = .likelihood, fixed: ETSFixedParameters = .init()
  ) throws -> ETSFit {
    if let reason = unfittableReason(model) { throw reason }
    let m = model.hasSeason ? period : 1
    if fixed != ETSFixedParameters() {
      // R `check.param` on the given values and the starting values of the others.
      let p0 = ETSInitialization.parameters(model: model, m: m, bounds: fixed.adjusted(bounds), fixed: fixed)
      guard ETSAdmissibility.usual(p0, model: model, bounds: fixed.adjusted(bounds)),
            ETSAdmissibility.admissible(p0, model: model, m: m) else {
        throw ModelError.failed("\(model): given smoothing parameters out of range (α, β, γ in [1e-4, 0.9999] with β ≤ α, γ ≤ 1 − α; φ in [0.8, 0.98])")
      }
    }
    let s0 = try start ?? startStates(trend: model.trend, season: model.season)
    let estimate = values.withUnsafeBufferPointer { y in
      estimator.estimate(y: y, model: model, m: m, start: s0, bounds: bounds, criterion: criterion, fixed: fixed)
    }
    guard let estimate else {
      throw ModelError.failed("\(model): likelihood not finite at the starting values")
    }
    var warnings = [String]()
    if estimate.code == 1 {
      warnings.append("\(model): optimiser stopped at its evaluation limit (\(estimator.optimizer.options.maxEvaluations))")
    }
    return result(model: model, m: m, parameters: estimate.parameters, initial: estimate.states,
                  parameterCount: ETSEstimator.parameterCount(model, m: m, fixed: fixed),
                  sigmaParameterCount: ETSEstimator.parameterCount(model, m: m), evaluations: estimate.evaluations,
                  code: estimate.code, warnings: warnings)
  }

  /// The full fit at given estimates: one pass of the recursions for fitted values, errors,
  /// final states, likelihood and criteria (R `pegelsresid.C` and the end of `etsmodel`).
  /// `parameterCount` (estimated) enters the information criteria; σ² divides by n minus
  /// `sigmaParameterCount` (all, given ones included), as R does.
  func result(
    model: ETSModelType, m: Int, parameters: ETSParameters, initial: ETSStates, parameterCount k: Int,
    sigmaParameterCount: Int? = nil, evaluations: Int, code: Int, warnings: [String]
  ) -> ETSFit {
    let n = values.count
    var fittedOut = [Double](repeating: .nan, count: n)
    var errorsOut = [Double](repeating: .nan, count: n)
    var ring = model.hasSeason ? initial.seasonal : [0]
    let run = values.withUnsafeBufferPointer { y in
      ring.withUnsafeMutableBufferPointer { r in
        fittedOut.withUnsafeMutableBufferPointer { f in
          errorsOut.withUnsafeMutableBufferPointer { e in
            ETSRecursion.run(y: y, model: model, m: m, parameters: parameters, level: initial.level,
                             trend: initial.trend, ring: r, fitted: f, errors: e)
          }
        }
      }
    }
    let seasonalFinal = model.hasSeason ? (0..<m).map { ring[(run.position + $0) % m] } : []
    let final = ETSStates(level: run.level, trend: run.trend, seasonal: seasonalFinal)
    var lik = run.criterion
    if lik < -1e10 { lik = -1e10 }
    let nobs = Double(run.observed)
    let kk = Double(k + 1)
    let aic = lik + 2 * kk
    var fittedFull = [Double](repeating: .nan, count: totalCount)
    var innovations = [Double](repeating: .nan, count: totalCount)
    for t in 0..<n where !values[t].isNaN {
      fittedFull[offset + t] = fittedOut[t]
      innovations[offset + t] = errorsOut[t]
    }
    return ETSFit(
      model: model, period: m, parameters: normalised(parameters, model), initialStates: initial, finalStates: final,
      logLikelihood: -0.5 * lik, aic: aic, aicc: aic + 2 * kk * (kk + 1) / (nobs - kk - 1),
      bic: lik + log(nobs) * kk, sigma2: run.sse / (nobs - Double(sigmaParameterCount ?? k)), mse: run.mse, parameterCount: k,
      observedCount: run.observed, stepsAfterLastObservation: trailing, evaluations: evaluations, convergence: code, fitted: fittedFull,
      innovations: innovations, warnings: warnings)
  }

  private func normalised(_ p: ETSParameters, _ model: ETSModelType) -> ETSParameters {
    ETSParameters(alpha: p.alpha, beta: model.hasTrend ? p.beta : 0, gamma: model.hasSeason ? p.gamma : 0,
                  phi: model.damped ? p.phi : 1)
  }
}
