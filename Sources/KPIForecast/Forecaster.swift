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

  /// Steps of the calibration's inner forecasts: two seasonal cycles (8 quarters, 24 months,
  /// 2 years), whatever the command asks, so every command gets the same calibration.
  static func calibrationHorizon(_ m: ModelInput) -> Int { 2 * max(m.input.period, 1) }

  /// Most series a run calibrates on: the pooled error distribution is well estimated from a
  /// thousand series; larger batches calibrate on an evenly spaced (deterministic) sample.
  static let maximumCalibrationSeries = 1000

  /// The engine over prepared series: forecasts and the calibration used (nil = analytic).
  public static func run(_ prepared: [PreparedSeries], options: ForecastOptions,
                         progress: (@Sendable (Int, Int) -> Void)? = nil) -> (forecasts: [SeriesForecast], calibration: IntervalCalibration?) {
    let auto = options.auto
    // Which series calibrate: auto's combinations, a deterministic sample of at most 1,000.
    var candidates = [Int]()
    for (i, p) in prepared.enumerated() where p.refusal == nil && p.choice == .auto {
      if case .combination = auto.form(for: p.model) { candidates.append(i) }
    }
    let wantErrors = options.calibrate && options.calibration == nil
    var sample = Set<Int>()
    if wantErrors {
      let k = candidates.count, cap = maximumCalibrationSeries
      sample = Set(k > cap ? (0..<cap).map { candidates[$0 * k / cap] } : candidates)
    }
    let total = prepared.count
    let tick: (@Sendable (Int) -> Void)? = progress.map { p in { @Sendable done in p(done, total) } }
    let origins = options.calibrationOrigins
    // Fits a series once; a calibration-sample series also gives its inner rolling-origin
    // errors, refitting the same specification (ETS: the form chosen on all the data) at each origin.
    @Sendable func fitOne(_ i: Int, calibrating: Bool) -> (fit: ModelFit?, notes: [ForecastNote], errors: [StandardisedError]) {
      let p = prepared[i]
      guard p.refusal == nil else { return (nil, [], []) }
      guard p.observedCount > 0 else { return (nil, [.noObservations], []) }
      var notes = [ForecastNote]()
      let fit: ModelFit
      do { fit = try p.choice.fit(p.model, auto: auto) } catch {
        guard let f = try? ModelChoice.snaive.fit(p.model) else { return (nil, [.noObservations], []) }
        notes.append(.modelFailed(model: p.choice.rawValue, reason: "\(error)", fallback: "seasonal naive"))
        fit = f
      }
      var errors = [StandardisedError]()
      if calibrating && fit.isCombination {
        var inner = p.model
        inner.etsStart = fit.etsFit
        errors = IntervalCalibration.standardisedErrors(inner, horizon: calibrationHorizon(inner), origins: origins) {
          try p.choice.fit($0, auto: auto).forecast(horizon: $1)
        }
      }
      return (fit, notes, errors)
    }
    // Pass 1, the calibration sample only (at most 1,000 series): fits and inner errors, pooled
    // in input order. The sample's fits are kept for pass 2; no other fit is kept, so memory
    // does not grow with the batch's fitted models.
    let sampleList = sample.sorted()
    let sampleFits = sampleList.parallelMap { fitOne($0, calibrating: true) }
    let calibration = options.calibrate ? (options.calibration ?? IntervalCalibration(errors: sampleFits.flatMap(\.errors))) : nil
    let kept = Dictionary(uniqueKeysWithValues: zip(sampleList, sampleFits.map { ($0.fit, $0.notes) }))
    let floor = SpreadFloor(batch: prepared)
    // Pass 2, every series: fit once (or take the sample's fit), then the forecast distributions,
    // calibrated where auto combined, floored where the series cannot size its own band.
    let forecasts: [SeriesForecast] = Array(prepared.indices).parallelMap(progress: tick) { i in
      let p = prepared[i]
      let (fitOrNil, fitNotes) = kept[i] ?? { let f = fitOne(i, calibrating: false); return (f.fit, f.notes) }()
      var notes = p.notes + fitNotes
      guard p.refusal == nil, let fit = fitOrNil else {
        return SeriesForecast(series: p.series, periods: [], distributions: [], correlation: [], model: "none", transform: p.transform,
                              notes: notes, refusal: p.refusal)
      }
      let steps = p.periods.count
      var f = fit.forecast(horizon: steps)
      notes += f.warnings.map { .model($0) }
      if fit.isCombination {
        if let calibration {
          f.distributions = calibration.distributions(mean: f.mean, sd: f.sd, centreOnMedian: p.transform != .none)
          notes.append(.intervals(calibration.describe()))
        } else if options.calibrate {
          notes.append(.intervals("analytic (too few rolling-origin errors to calibrate)"))
        }
      }
      if !(p.series.entry?.fixed ?? false) { applyFloor(&f, fit: fit, prepared: p, floor: floor, notes: &notes) }
      let label = p.transform == .none ? fit.label : "\(fit.label) \(p.transform.name)"
      return SeriesForecast(series: p.series, periods: p.periods,
                            distributions: f.distributions.map { ForecastDistribution(base: $0, transform: p.transform) },
                            correlation: f.correlation, model: label, transform: p.transform, notes: notes)
    }
    return (forecasts, calibration)
  }

  /// Short series shrink their own σ toward the batch's; a forecast with no spread at all
  /// borrows one (``SpreadFloor``).
  static func applyFloor(_ f: inout ModelForecast, fit: ModelFit, prepared p: PreparedSeries, floor: SpreadFloor, notes: inout [ForecastNote]) {
    let n = p.observedCount
    let degenerate = f.distributions.contains { !($0.spread > 0 && $0.spread.isFinite) }
    let own = fit.ownScale
    guard degenerate || own != nil else { return }
    let (peer, peers) = floor.peerScale(p.model)
    let sigma = own.map { floor.shrunk(own: $0.sigma, changes: $0.count, peer: peer) }
      ?? peer * (SpreadFloor.priorChanges / (Double(max(n - 1, 0)) + SpreadFloor.priorChanges)).squareRoot()
    guard sigma > 0, sigma.isFinite else { return }
    let h = f.mean.count
    f.sd = (0..<h).map { sigma * Double($0 + 1).squareRoot() }
    f.distributions = zip(f.mean, f.sd).map { .normal(mean: $0, sd: $1) }
    f.correlation = ErrorCorrelation.seasonalRandomWalk(period: 1, horizon: h)
    notes.append(.spreadBorrowed(observations: n, peers: peers, sigma: sigma))
  }
}
