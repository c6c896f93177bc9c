import Foundation
import KPIData
import KPIStats

/// The one forecasting engine: prepare each series once (``PreparedSeries``) → fit it once
/// (``ModelChoice/fit(_:auto:)``; auto keeps its members) → calibrate auto's intervals from
/// rolling-origin errors pooled over the batch → a forecast distribution over paths per series
/// (``SeriesForecast``). Every command — forecast, year-end, targets, scenarios, demand,
/// backtest, report — asks this engine, so a KPI has one answer everywhere. A series that
/// fails gets a fallback and a note; only a refused explicit option leaves it unforecast.
public enum Forecaster {
  /// Forecasts one series (a batch of one). Throws only the refusal of an explicit option.
  public static func forecast(_ series: KPISeries, options: ForecastOptions) throws -> SeriesForecast {
    guard let f = forecastAll([series], options: options).first else { throw ForecastError.badOption("no series") }
    if let r = f.refusal { throw r }
    return f
  }

  /// Forecasts many series on all cores; results keep the input order. `progress` is called
  /// with (done, total), one count per series.
  public static func forecastAll(_ series: [KPISeries], options: ForecastOptions,
                                 progress: (@Sendable (Int, Int) -> Void)? = nil) -> [SeriesForecast] {
    run(series.parallelMap { PreparedSeries($0, options: options) }, options: options, progress: progress).forecasts
  }

  /// As ``forecastAll(_:options:progress:)`` for a national batch: each forecast is handed to
  /// `each` on the core that made it (to render and strip it there, say), and the results to
  /// `consume` in input order, `chunk` series at a time, so no more than one chunk's bands are
  /// ever held. The forecasts are those of one whole-batch run: auto's rules and calibration are
  /// learned on the whole batch first.
  public static func forecastAll<T: Sendable>(_ series: [KPISeries], options: ForecastOptions, chunk: Int,
                                              progress: (@Sendable (Int, Int) -> Void)? = nil,
                                              each: @escaping @Sendable (SeriesForecast) -> T,
                                              consume: ([T]) throws -> Void) rethrows {
    _ = try run(series.parallelMap { PreparedSeries($0, options: options) }, options: options, chunk: chunk, progress: progress,
                each: each, consume: consume)
  }

  /// The engine over prepared series: forecasts, and what `auto` learned per regime (its rule
  /// and calibration; empty when no series used a rule).
  public static func run(_ prepared: [PreparedSeries], options: ForecastOptions,
                         progress: (@Sendable (Int, Int) -> Void)? = nil) -> (forecasts: [SeriesForecast], learning: [Regime: AutoLearner.Outcome]) {
    var all = [SeriesForecast]()
    all.reserveCapacity(prepared.count)
    let learning = run(prepared, options: options, chunk: max(prepared.count, 1), progress: progress, each: { $0 }) { all += $0 }
    return (all, learning)
  }

  /// The engine in chunks: learns on the whole batch (pass 0), then fits and forecasts `chunk`
  /// series at a time on all cores, maps each forecast by `each` where it was made, and hands
  /// each chunk's results to `consume` in input order.
  static func run<T: Sendable>(_ prepared: [PreparedSeries], options: ForecastOptions, chunk: Int,
                               progress: (@Sendable (Int, Int) -> Void)?, each: @escaping @Sendable (SeriesForecast) -> T,
                               consume: ([T]) throws -> Void) rethrows -> [Regime: AutoLearner.Outcome] {
    // Short series of an indicator reported by many authorities borrow its seasonal shape; each
    // series is read through `item`, which lends it (the batch is never copied).
    let loans = BorrowedShape.loans(prepared)
    @Sendable func item(_ i: Int) -> PreparedSeries { loans[i].map { $0.lent(to: prepared[i]) } ?? prepared[i] }
    var auto = options.auto
    // Pass 0: the series that read a regime's rule teach it (rolling origins inside their own
    // training data), and the chosen rule's errors calibrate the regime's intervals.
    let ruled = prepared.indices.filter { i in
      let p = item(i)
      return p.refusal == nil && p.choice == .auto && auto.usesRule(p.model)
    }
    var learning = [Regime: AutoLearner.Outcome]()
    var etsStarts = [Int: ETSFit]()
    if !ruled.isEmpty && (options.calibrate || auto.learn) {
      var fixed = auto.rules
      if let every = auto.everyRegime {
        for i in ruled { fixed[AutoConfiguration.regime(item(i).model)] = every }
      }
      let result = AutoLearner.learn(ruled.map { item($0).model }, origins: options.calibrationOrigins, learn: auto.learn,
                                     fixed: fixed, calibrate: options.calibrate)
      learning = result.outcomes
      for (r, o) in learning { auto.rules[r] = o.rule }
      // The ETS form chosen while learning is the one the forecast uses (no second AICc search).
      for (k, fit) in result.etsFits { etsStarts[ruled[k]] = fit }
    }
    let starts = etsStarts
    let total = prepared.count
    let fitAuto = auto
    /// Fits a series once (no fit is kept beyond its own forecast, so memory does not grow with
    /// the batch's fitted models).
    @Sendable func fitOne(_ p: PreparedSeries, at i: Int) -> (fit: ModelFit?, notes: [ForecastNote]) {
      guard p.refusal == nil else { return (nil, []) }
      guard p.observedCount > 0 else { return (nil, [.noObservations]) }
      var notes = [ForecastNote]()
      let fit: ModelFit
      var model = p.model
      model.etsStart = starts[i]
      do { fit = try p.choice.fit(model, auto: fitAuto) } catch {
        guard let f = try? ModelChoice.snaive.fit(p.model) else { return (nil, [.noObservations]) }
        notes.append(.modelFailed(model: p.choice.rawValue, reason: "\(error)", fallback: "seasonal naive"))
        fit = f
      }
      return (fit, notes)
    }
    let floor = SpreadFloor(batch: prepared)
    let learned = learning
    // One pass, every series: fit once, then the forecast distributions, calibrated per regime
    // where auto read a rule, floored where the series cannot size its own band.
    @Sendable func forecastOne(_ i: Int) -> SeriesForecast {
      let p = item(i)
      let (fitOrNil, fitNotes) = fitOne(p, at: i)
      var notes = p.notes + fitNotes
      guard p.refusal == nil, let fit = fitOrNil else {
        return SeriesForecast(series: p.series, periods: [], distributions: [], correlation: [], model: "none", transform: p.transform,
                              notes: notes, refusal: p.refusal)
      }
      let steps = p.periods.count
      var f = fit.forecast(horizon: steps)
      notes += f.warnings.map { .model($0) }
      var calibrated = false
      let regime = AutoConfiguration.regime(p.model)
      if fit.isCombination, let outcome = learned[regime] {
        notes.append(.autoRule(outcome.note(for: p.model)))
        if let calibration = outcome.calibration,
           let sd = AutoLearner.calibrationScale(p.model, regime: regime, analyticSD: f.sd, prior: outcome.scalePrior(p.model)) {
          f.distributions = calibration.distributions(mean: f.mean, sd: sd, centreOnMedian: p.transform != .none)
          notes.append(.intervals(calibration.describe()))
          calibrated = true
        } else if options.calibrate {
          let reason: String
          if !AutoLearner.calibrates(regime, prior: outcome.scalePrior(p.model)) {
            reason = "a series of one cycle is calibrated only among \(AutoLearner.minimumPriorSeries)+ series on its scale"
          } else if outcome.series == 0 {
            reason = "no series of the regime is long enough for a rolling-origin forecast"
          } else if !AutoLearner.calibratesFrom(series: outcome.series, regime: regime) {
            reason = "calibration needs the rolling-origin errors of \(AutoLearner.minimumCalibrationSeries)+ series of the regime; \(outcome.series) here"
          } else if outcome.calibration == nil {
            reason = "too few rolling-origin errors to calibrate"
          } else {
            reason = "the series has no error scale to calibrate by"
          }
          notes.append(.intervals("analytic (\(reason))"))
        }
      }
      if !(p.series.entry?.fixed ?? false) {
        applyFloor(&f, fit: fit, prepared: p, floor: floor, calibrated: calibrated, notes: &notes)
      }
      let label = p.transform == .none ? fit.label : "\(fit.label) \(p.transform.name)"
      return SeriesForecast(series: p.series, periods: p.periods,
                            distributions: f.distributions.map { ForecastDistribution(base: $0, transform: p.transform) },
                            correlation: f.correlation, model: label, transform: p.transform, notes: notes)
    }
    let size = max(chunk, 1)
    for start in stride(from: 0, to: total, by: size) {
      let tick: (@Sendable (Int) -> Void)? = progress.map { p in { @Sendable done in p(start + done, total) } }
      try consume(Array(start..<min(start + size, total)).parallelMap(progress: tick) { each(forecastOne($0)) })
    }
    return learning
  }

  /// One line on how intervals were made across regimes, for benchmark tables.
  public static func describe(_ learning: [Regime: AutoLearner.Outcome]) -> String {
    guard !learning.isEmpty else { return "analytic" }
    return learning.keys.sorted().map { r -> String in
      let o = learning[r]!
      let shrink = o.calibration == nil ? "" : o.scalePriors.values.map { p in
        ", scales shrunk (\(p.count) series, d0 \(p.df.isFinite ? String(format: "%.1f", p.df) : "∞"))"
      }.sorted().joined()
      return "\(r.key): \(o.rule)\(o.learned ? "" : " (dev-set rule)"), \(o.calibration.map { "\($0.count) errors, c(1) = \(String(format: "%.2f", $0.factor(step: 1)))" } ?? "analytic")\(shrink)"
    }.joined(separator: "; ")
  }

  /// Short series shrink their own σ toward the batch's; a forecast with no spread at all
  /// borrows one (``SpreadFloor``).
  static func applyFloor(_ f: inout ModelForecast, fit: ModelFit, prepared p: PreparedSeries, floor: SpreadFloor, calibrated: Bool,
                         notes: inout [ForecastNote]) {
    let n = p.observedCount
    let degenerate = f.distributions.contains { !($0.spread > 0 && $0.spread.isFinite) }
    var own = calibrated ? nil : fit.ownScale
    // An uncalibrated rule on two cycles or less: its one-step spread rests on n − m residuals
    // at most, so it is shrunk toward the batch's like any short series' own scale.
    if !calibrated, own == nil, fit.isCombination, AutoLearner.standardisesByScale(AutoConfiguration.regime(p.model)),
       let first = f.distributions.first {
      // The one-step scale and the residual degrees of freedom it rests on: a Student-t step
      // gives its own (scale, df) — not its t-inflated spread — a normal one its sd with n − m.
      switch first {
      case .studentT(_, let scale, let df) where scale > 0 && scale.isFinite:
        own = (scale, max(Int(df.rounded()), 1))
      default:
        if let s1 = f.sd.first, s1 > 0, s1.isFinite { own = (s1, max(n - max(p.model.input.period, 1), 1)) }
      }
    }
    guard degenerate || own != nil else { return }
    let (peer, peers) = floor.peerScale(p.model)
    let sigma = floor.shrunk(own: own?.sigma ?? 0, changes: own?.count ?? max(n - 1, 0), peer: peer)
    guard sigma > 0, sigma.isFinite else { return }
    let h = f.mean.count
    // σ rests on the series' own changes and the prior's pseudo-changes, so a new step is a
    // Student-t draw with that many degrees of freedom, not a normal one (``SpreadFloor``).
    let df = SpreadFloor.degreesOfFreedom(changes: own?.count ?? max(n - 1, 0))
    f.sd = (0..<h).map { sigma * Double($0 + 1).squareRoot() }
    f.distributions = zip(f.mean, f.sd).map { .studentT(location: $0, scale: $1, df: df) }
    f.correlation = ErrorCorrelation.seasonalRandomWalk(period: 1, horizon: h)
    // The model's own "zero width" remark no longer holds once the band is borrowed.
    notes.removeAll { if case .model(let m) = $0 { return m.contains("interval has zero width") }; return false }
    notes.append(.spreadBorrowed(observations: n, peers: peers, df: df))
  }
}
