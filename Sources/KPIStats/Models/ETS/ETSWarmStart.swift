/// Re-estimation of one ETS form from a previous fit's estimates (for rolling origins: the same
/// series cut shorter is fitted starting from the full series' optimum, which Nelder–Mead
/// reaches in far fewer evaluations than from R's generic starting values). The optimum found
/// is a maximum-likelihood estimate like ``ETS/fit(_:)``'s; only the starting point differs.
extension ETS {
  /// Fits this form to `series` starting the optimiser at `previous`'s parameters and initial
  /// states (which must be of the same form and period); falls back to ``fit(_:)`` when the
  /// likelihood is not finite there.
  public func fit(_ series: SeriesInput, warmStart previous: ETSFit) throws -> ETSFit {
    guard previous.model == model else { return try fit(series) }
    let prepared = try ETSPreparedSeries(series)
    let m = model.hasSeason ? series.period : 1
    guard !model.hasSeason || (m > 1 && previous.initialStates.seasonal.count == m) else { return try fit(series) }
    // R's parameter order: α, β, γ, φ, ℓ₀, b₀, s₀ … s_{m−2} (seasonal in reverse time order).
    // Mirrors ETSEstimator.estimate: only the free smoothing parameters are in the vector.
    let p = previous.parameters, s = previous.initialStates
    let free = fixed.free(model)
    var par = [Double]()
    if free.alpha { par.append(p.alpha) }
    if free.beta { par.append(p.beta) }
    if free.gamma { par.append(p.gamma) }
    if free.phi { par.append(p.phi) }
    par.append(s.level)
    if model.hasTrend { par.append(s.trend) }
    if model.hasSeason { for j in 0..<(m - 1) { par.append(s.seasonal[m - 1 - j]) } }
    var optimizer = NelderMead()
    optimizer.options.maxEvaluations = maxEvaluations
    optimizer.options.relativeTolerance = relativeTolerance
    var ring = [Double](repeating: 0, count: max(m, 1))
    let bounds = fixed.adjusted(self.bounds), model = self.model, criterion = self.criterion, fixed = self.fixed
    let found: NelderMead.Result? = prepared.values.withUnsafeBufferPointer { y in
      ring.withUnsafeMutableBufferPointer { r in
        optimizer.minimize(&par, bounded: { x, below in
          ETSEstimator.objective(x, y: y, model: model, m: m, bounds: bounds, criterion: criterion, fixed: fixed, ring: r,
                                 below: below)
        })
      }
    }
    guard let found else { return try fit(series) }
    let (params, states) = ETSEstimator.decode(par, model: model, m: m, fixed: fixed)
    var warnings = [String]()
    if found.code == 1 { warnings.append("\(model): optimiser stopped at its evaluation limit (\(maxEvaluations))") }
    return prepared.result(model: model, m: m, parameters: params, initial: states,
                           parameterCount: ETSEstimator.parameterCount(model, m: m, fixed: fixed),
                           sigmaParameterCount: ETSEstimator.parameterCount(model, m: m), evaluations: found.evaluations,
                           code: found.code, warnings: warnings)
  }
}
