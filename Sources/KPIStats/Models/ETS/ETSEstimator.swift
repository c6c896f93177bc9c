import Foundation

/// Estimation of one ETS form, as R `forecast:::etsmodel` (bounds = "both"; opt.crit "lik" by
/// default, or "mse"/"sigma"/"mae"): the parameter vector (α, β, γ, φ without the given ones,
/// ℓ₀, b₀, s₀ … s_{m−2}) starts at R's
/// `initparam`/`initstate` values and is optimised jointly by Nelder–Mead; outside the usual box or
/// the admissible region, or with a negative multiplicative seasonal state, the criterion is +∞.
/// The last seasonal state is not free: it makes the states sum to 0 (additive) or m (multiplicative).
///
/// One estimator holds reusable work buffers, so fitting many forms to one series (or many series
/// in turn) allocates nothing per objective evaluation. Not thread-safe: use one per thread.
struct ETSEstimator {
  var optimizer = NelderMead()
  private var ring: [Double] = []
  private var par: [Double] = []

  struct Estimate {
    var parameters: ETSParameters
    var states: ETSStates
    var criterion: Double
    var evaluations: Int
    var code: Int
  }

  /// Number of parameters (smoothing + initial states), excluding σ; with `fixed`, the estimated ones.
  static func parameterCount(_ model: ETSModelType, m: Int, fixed: ETSFixedParameters = .init()) -> Int {
    let free = fixed.free(model)
    let smoothing = [free.alpha, free.beta, free.gamma, free.phi].filter { $0 }.count
    return smoothing + 1 + (model.hasTrend ? 1 : 0) + (model.hasSeason ? m - 1 : 0)
  }

  /// Fits `model` to `y` (first value observed; NaN = gap). `start` are the initial-state starting
  /// values (R `initstate`, time-order seasonal). Returns `nil` when R's objective is not finite at
  /// the starting point (R's fit fails and the form is skipped).
  mutating func estimate(
    y: UnsafeBufferPointer<Double>, model: ETSModelType, m: Int, start: ETSStates,
    bounds: ETSAdmissibility.Bounds, criterion: ETSOptimizationCriterion = .likelihood,
    fixed: ETSFixedParameters = .init()
  ) -> Estimate? {
    let mm = model.hasSeason ? m : 1
    let bounds = fixed.adjusted(bounds)
    let p0 = ETSInitialization.parameters(model: model, m: mm, bounds: bounds, fixed: fixed)
    let free = fixed.free(model)
    // Parameter vector in R's order, estimated smoothing parameters only.
    par.removeAll(keepingCapacity: true)
    if free.alpha { par.append(p0.alpha) }
    if free.beta { par.append(p0.beta) }
    if free.gamma { par.append(p0.gamma) }
    if free.phi { par.append(p0.phi) }
    par.append(start.level)
    if model.hasTrend { par.append(start.trend) }
    if model.hasSeason { for j in 0..<(mm - 1) { par.append(start.seasonal[mm - 1 - j]) } }
    if ring.count < mm { ring = [Double](repeating: 0, count: mm) }

    let objectiveResult: NelderMead.Result? = ring.withUnsafeMutableBufferPointer { ringBuffer in
      optimizer.minimize(&par, bounded: { x, below in
        Self.objective(x, y: y, model: model, m: mm, bounds: bounds, criterion: criterion, fixed: fixed,
                       ring: ringBuffer, below: below)
      })
    }
    guard let result = objectiveResult else { return nil }
    let (params, states) = Self.decode(par, model: model, m: mm, fixed: fixed)
    return Estimate(parameters: params, states: states, criterion: result.value,
                    evaluations: result.evaluations, code: result.code)
  }

  /// Splits an R-ordered parameter vector into parameters and time-order initial states.
  static func decode(
    _ x: [Double], model: ETSModelType, m: Int, fixed: ETSFixedParameters
  ) -> (ETSParameters, ETSStates) {
    var j = 0
    let p = x.withUnsafeBufferPointer { smoothing(from: $0, model: model, fixed: fixed, next: &j) }
    var s = ETSStates(level: x[j]); j += 1
    if model.hasTrend { s.trend = x[j]; j += 1 }
    if model.hasSeason {
      var seasonal = [Double](repeating: 0, count: m)
      var sum = 0.0
      for k in 0..<(m - 1) { seasonal[m - 1 - k] = x[j + k]; sum += x[j + k] }
      seasonal[0] = (model.season == .multiplicative ? Double(m) : 0) - sum
      s.seasonal = seasonal
    }
    return (p, s)
  }

  /// Smoothing parameters from the leading entries of `x` (estimated ones) and `fixed`.
  @inline(__always)
  static func smoothing(
    from x: UnsafeBufferPointer<Double>, model: ETSModelType, fixed: ETSFixedParameters, next j: inout Int
  ) -> ETSParameters {
    var p = ETSParameters(alpha: 0)
    if let a = fixed.alpha { p.alpha = a } else { p.alpha = x[j]; j += 1 }
    if model.hasTrend { if let b = fixed.beta { p.beta = b } else { p.beta = x[j]; j += 1 } }
    if model.hasSeason { if let g = fixed.gamma { p.gamma = g } else { p.gamma = x[j]; j += 1 } }
    if model.damped { if let f = fixed.phi { p.phi = f } else { p.phi = x[j]; j += 1 } }
    return p
  }

  /// R `EtsTargetFunction::eval` with bounds = "both". With `below` (see
  /// ``NelderMead/minimize(_:bounded:)``), a value at or above it is returned without the
  /// admissibility test, which costs more than the likelihood: R's value there is either that
  /// same value or +∞, and the optimiser treats both alike.
  @inline(__always)
  static func objective(
    _ x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>, model: ETSModelType, m: Int,
    bounds: ETSAdmissibility.Bounds, criterion: ETSOptimizationCriterion, fixed: ETSFixedParameters,
    ring: UnsafeMutableBufferPointer<Double>, below: Double = .infinity
  ) -> Double {
    var j = 0
    let p = smoothing(from: x, model: model, fixed: fixed, next: &j)
    guard ETSAdmissibility.usual(p, model: model, bounds: bounds, check: fixed.free(model)) else { return .infinity }
    let admissible = { ETSAdmissibility.admissible(p, model: model, m: m) }
    let level = x[j]; j += 1
    var trend = 0.0
    if model.hasTrend { trend = x[j]; j += 1 }
    if model.hasSeason {
      var sum = 0.0
      for k in 0..<(m - 1) { let v = x[j + k]; ring[m - 1 - k] = v; sum += v }
      let first = (model.season == .multiplicative ? Double(m) : 0) - sum
      ring[0] = first
      if model.season == .multiplicative {
        for k in 0..<m where ring[k] < 0 { return .infinity }
      }
    }
    guard criterion == .likelihood else {
      guard admissible() else { return .infinity }
      let run = ETSRecursion.run(y: y, model: model, m: m, parameters: p, level: level, trend: trend, ring: ring)
      switch criterion {
      case .likelihood, .mse: return run.mse
      case .sigma: return run.meanSquaredError
      case .mae: return run.meanAbsoluteError
      }
    }
    var lik = ETSKernel.criterion(y: y, model: model, m: m, parameters: p, level: level, trend: trend, ring: ring)
    if lik < -1e10 { lik = -1e10 }  // avoid perfect fits (R)
    if lik.isNaN { return .infinity }
    if lik < below && !admissible() { return .infinity }
    return lik
  }
}
