

/// Linear regression on the model scale: level + linear trend + seasonal dummies + level shifts,
/// solved by LAPACK QR (see ``leastSquares(design:response:tolerance:)``).
///
/// Design columns, in order: intercept; `t` = 1 … n (position in the series, gaps counted);
/// dummies for seasons 1 … m−1 (treatment contrasts, season 0 the baseline, as R's
/// `factor(q)`); one step dummy per level shift (1 from its position on). This reproduces
/// `lm(y ~ t + factor(q) + shift)` exactly.
///
/// Prediction at a future row x₀ is Student-t with n − p degrees of freedom, location x₀ᵀβ̂ and
/// scale σ̂·√(1 + x₀ᵀ(XᵀX)⁻¹x₀), as R's `predict.lm(interval = "prediction")`.
///
/// Defined simplifications (each named in `warnings`): fewer than `minimumSeasonalCycles` full
/// cycles of observations and no prior → no seasonal terms; too few observations for the terms
/// (n − p < 1) → drop shifts, then trend, down to the mean; aliased columns (rank deficiency)
/// are dropped as R does; one observation → a zero-width "last value" forecast.
public struct SeasonalRegression: ForecastModel {
  public var trend: Bool
  public var seasonal: Bool
  /// Positions (0-based, into `values`) from which a level shift applies.
  public var levelShifts: [Int]
  public var seasonalPrior: SeasonalPrior?
  /// Full seasonal cycles of observations needed to estimate seasonal terms without a prior.
  public var minimumSeasonalCycles: Int
  /// Residual degrees of freedom to keep: terms are dropped (shifts, then trend) until n − p
  /// reaches it. 1 reproduces `lm` whenever it can be fitted; larger values avoid the very wide
  /// Student-t intervals of near-saturated fits on short series.
  public var minimumResidualDF: Int

  public init(trend: Bool = true, seasonal: Bool = true, levelShifts: [Int] = [], seasonalPrior: SeasonalPrior? = nil,
              minimumSeasonalCycles: Int = 2, minimumResidualDF: Int = 1) {
    self.trend = trend
    self.seasonal = seasonal
    self.levelShifts = levelShifts
    self.seasonalPrior = seasonalPrior
    self.minimumSeasonalCycles = minimumSeasonalCycles
    self.minimumResidualDF = max(1, minimumResidualDF)
  }

  public struct Fitted: FittedForecastModel {
    public let label: String
    public internal(set) var warnings: [String]
    public let fitted: [Double]
    /// Names of the design columns, in order (`(Intercept)`, `t`, `season2`…, `shift@k`).
    public let termNames: [String]
    /// The least-squares fit; `nil` only for the one-observation fallback.
    public let fit: LeastSquaresFit?
    /// σ̂ (0 for an exact fit or a single observation).
    public let sigma: Double
    let design: Design
    let lastValue: Double
    let length: Int

    public var coefficients: [Double?] { fit?.coefficients ?? [] }
    public var residualDF: Int { fit?.residualDF ?? 0 }

    public func forecast(horizon: Int) -> [Distribution] {
      guard horizon > 0 else { return [] }
      guard let fit else { return Array(repeating: .normal(mean: lastValue, sd: 0), count: horizon) }
      return (1...horizon).map { h in
        let x0 = design.row(at: length - 1 + h)
        let mean = fit.predict(x0)
        let df = fit.residualDF
        guard sigma > 0, df > 0, let lev = try? fit.leverage(x0) else { return .normal(mean: mean, sd: 0) }
        return .studentT(location: mean, scale: sigma * (1 + lev).squareRoot(), df: Double(df))
      }
    }

    /// Shared parameter error: Cov(h, k) = σ²(δ_hk + x_hᵀ(XᵀX)⁻¹x_k), from the R factor.
    public func errorCorrelation(horizon: Int) -> [Double] {
      guard horizon > 0 else { return [] }
      guard let fit, sigma > 0 else { return ErrorCorrelation.identity(horizon) }
      let z = (1...horizon).map { (try? fit.whitened(design.row(at: length - 1 + $0))) ?? [] }
      var cov = [Double](repeating: 0, count: horizon * horizon)
      for i in 0..<horizon {
        for j in 0..<horizon {
          let shared = zip(z[i], z[j]).reduce(0) { $0 + $1.0 * $1.1 }
          cov[i * horizon + j] = (i == j ? 1 : 0) + shared
        }
      }
      return ErrorCorrelation.fromCovariance(cov, n: horizon)
    }
  }

  /// Which terms a design has; builds rows for any position.
  struct Design: Sendable {
    var trend: Bool
    var seasons: Int       // m if seasonal dummies are used, else 1
    var firstSeason: Int
    var shifts: [Int]

    var names: [String] {
      var n = ["(Intercept)"]
      if trend { n.append("t") }
      if seasons > 1 { for s in 1..<seasons { n.append("season\(s + 1)") } }
      for k in shifts { n.append("shift@\(k)") }
      return n
    }
    var columnCount: Int { 1 + (trend ? 1 : 0) + (seasons > 1 ? seasons - 1 : 0) + shifts.count }

    func row(at t: Int) -> [Double] {
      var r = [Double](repeating: 0, count: columnCount)
      write(at: t, into: &r, row: 0, stride: 1)
      return r
    }
    /// Writes the row for position `t` into `x` at `x[row + c·stride]` for each column c (a
    /// column-major matrix with `stride` rows, or one row with stride 1).
    func write(at t: Int, into x: inout [Double], row: Int, stride: Int) {
      var c = 0
      func put(_ v: Double) { x[row + c * stride] = v; c += 1 }
      put(1)
      if trend { put(Double(t + 1)) }
      if seasons > 1 {
        let s = (firstSeason + t) % seasons
        for k in 1..<seasons { put(s == k ? 1 : 0) }
      }
      for k in shifts { put(t >= k ? 1 : 0) }
    }
    var label: String {
      var parts = ["level"]
      if trend { parts.append("trend") }
      if seasons > 1 { parts.append("season") }
      if !shifts.isEmpty { parts.append("shift") }
      return parts.joined(separator: "+")
    }
  }

  public func fit(_ series: SeriesInput) throws -> Fitted {
    let n = series.values.count
    let observed = (0..<n).filter { !series.values[$0].isNaN }
    guard !observed.isEmpty else { throw ModelError.noObservations }
    var warnings = [String]()
    if observed.count == 1 {
      let v = series.values[observed[0]]
      warnings.append("one observation: the forecast repeats it and no interval can be estimated (shown with zero width)")
      return Fitted(label: "regression(level)", warnings: warnings, fitted: series.values, termNames: ["(Intercept)"],
                    fit: nil, sigma: 0, design: Design(trend: false, seasons: 1, firstSeason: 0, shifts: []),
                    lastValue: v, length: n)
    }
    let m = series.period
    var useSeason = seasonal && m > 1
    let priorUsable = seasonalPrior.map { $0.effects.count == m } ?? false
    if let p = seasonalPrior, p.effects.count != m, useSeason {
      warnings.append("seasonal prior has \(p.effects.count) effects but the series has \(m) seasons: prior ignored")
    }
    if useSeason && observed.count < minimumSeasonalCycles * m && !priorUsable {
      useSeason = false
      warnings.append("fewer than \(minimumSeasonalCycles) full years of data (\(observed.count) of \(minimumSeasonalCycles * m) periods) and no seasonal prior: seasonal terms dropped")
    }
    let usePrior = useSeason && priorUsable && seasonalPrior != nil
    // Level shifts must have observations on both sides to be estimable.
    var shifts = levelShifts.filter { k in observed.contains { $0 < k } && observed.contains { $0 >= k } }
    if shifts.count < levelShifts.count { warnings.append("level shift with no observations on one side of it: dropped") }
    var useTrend = trend
    // Simplify until the residual degrees of freedom asked for remain (or only the level is left).
    func pseudo() -> Int { usePrior && useSeason ? m - 1 : 0 }
    func columns() -> Int { 1 + (useTrend ? 1 : 0) + (useSeason ? m - 1 : 0) + shifts.count }
    while observed.count + pseudo() - columns() < minimumResidualDF {
      if useSeason && !usePrior { useSeason = false; warnings.append("too few observations for seasonal terms: dropped") }
      else if !shifts.isEmpty { shifts.removeAll(); warnings.append("too few observations for level shifts: dropped") }
      else if useTrend { useTrend = false; warnings.append("too few observations for a trend: level only") }
      // Seasonal terms backed by a prior are balanced by its pseudo-rows: they go last, and only
      // when not even one residual degree of freedom would remain.
      else if useSeason && observed.count + pseudo() - columns() < 1 {
        useSeason = false; warnings.append("too few observations for seasonal terms: dropped")
      } else { break }
    }
    let design = Design(trend: useTrend, seasons: useSeason ? m : 1, firstSeason: series.firstSeason, shifts: shifts)
    // The design column by column (observed rows, then the prior's pseudo-rows), as LAPACK takes it.
    let pseudoRows = usePrior && seasonalPrior != nil && useSeason ? m - 1 : 0
    let rowCount = observed.count + pseudoRows, p = design.columnCount
    var x = [Double](repeating: 0, count: rowCount * p)
    for (i, t) in observed.enumerated() { design.write(at: t, into: &x, row: i, stride: rowCount) }
    var y = observed.map { series.values[$0] }
    if usePrior, let prior = seasonalPrior, useSeason {
      // Ridge augmentation: √w·γ_s = √w·(μ_s − μ_0) for each seasonal contrast s = 1 … m−1.
      let w = prior.weight.squareRoot()
      let firstSeasonColumn = 1 + (useTrend ? 1 : 0)
      for s in 1..<m {
        x[(firstSeasonColumn + s - 1) * rowCount + observed.count + s - 1] = w
        y.append(w * (prior.effects[s] - prior.effects[0]))
      }
      warnings.append("seasonal effects shrunk toward the prior (weight \(prior.weight) per season)")
    }
    let fit: LeastSquaresFit
    do { fit = try leastSquares(columnMajor: x, rows: rowCount, columns: p, response: y) } catch {
      throw ModelError.failed("least squares failed: \(error)")
    }
    let names = design.names
    let aliased = (0..<names.count).filter { fit.coefficients[$0] == nil }
    if !aliased.isEmpty {
      warnings.append("rank deficient design: \(aliased.map { names[$0] }.joined(separator: ", ")) not estimable, dropped")
    }
    // σ from the data rows' residuals and the pseudo-rows, with df n + pseudo − rank. A residual
    // norm at rounding level (≤ 1e-10·‖y‖: a constant or exactly regular series) counts as an exact
    // fit, so the interval has zero width instead of a width of 1e-15 noise.
    let yNorm = y.reduce(0) { $0 + $1 * $1 }.squareRoot()
    let exactFit = fit.rss.squareRoot() <= 1e-10 * yNorm
    let observedValues = observed.map { series.values[$0] }
    if exactFit && usePrior && useSeason && observedValues.contains(where: { $0 != observedValues[0] }) {
      // The prior's pseudo-rows absorb the only differences in the data (e.g. values clamped onto
      // the same logit bound as the prior's effect): no residual is left to estimate σ from, and a
      // zero-width band would be false certainty. Fit without the prior instead, and say so.
      var plain = self
      plain.seasonalPrior = nil
      var refit = try plain.fit(series)
      refit.warnings.insert("the seasonal prior reproduces the data exactly, leaving no residual to estimate the spread from: prior not used", at: 0)
      return refit
    }
    let sigma = exactFit ? 0 : (fit.sigma2.map { $0.squareRoot() } ?? 0)
    if sigma == 0 { warnings.append("the model fits the data exactly (constant or perfectly regular series): interval has zero width") }
    var fitted = [Double](repeating: .nan, count: n)
    var row = [Double](repeating: 0, count: p)
    for t in observed { design.write(at: t, into: &row, row: 0, stride: 1); fitted[t] = fit.predict(row) }
    return Fitted(label: "regression(\(design.label))", warnings: warnings, fitted: fitted, termNames: names,
                  fit: fit, sigma: sigma, design: design, lastValue: series.values[observed.last ?? 0], length: n)
  }
}
