import Foundation
import KPIData
import KPIStats

/// Series → chosen model → forecast distribution, one series or many in parallel.
public enum Forecaster {
  /// Forecasts one series. Never throws for data reasons other than a refused explicit
  /// transform: a series that cannot be modelled gets a simpler model and a warning, and a series
  /// with no observations gets no rows and a warning.
  public static func forecast(_ series: KPISeries, options: ForecastOptions) throws -> SeriesForecast {
    let (transform, transformNote) = try TransformPolicy.decide(options.transform, for: series)
    let steps: Int
    switch options.horizon {
    case .steps(let n): steps = max(n, 0)
    case .toYearEnd:
      let last = lastObservedPeriod(series) ?? series.end
      steps = max(1, (last.nextMarch.monthIndex - last.monthIndex) / series.frequency.monthsPerStep)
    }
    // Trim trailing gaps so forecasts start after the last observation.
    var s = series
    while let l = s.values.last, l.isNaN, s.values.count > 1 { s.values.removeLast() }
    let periods = (1...max(steps, 1)).prefix(steps).map { s.period(at: s.values.count - 1 + $0) }
    guard s.observedCount > 0 else {
      return SeriesForecast(series: series, periods: [], distributions: [], model: "none", transform: transform,
                            warnings: ["no observations: no forecast"])
    }
    let input = SeriesInput(values: s.values.map { $0.isNaN ? .nan : transform.forward($0) },
                            period: s.frequency.seasonalPeriod, firstSeason: s.firstSeason)
    var warnings = [String]()
    if series.unitSource == "default" {
      warnings.append("no catalogue entry or unit column: treated as an unbounded number")
    }
    if let transformNote { warnings.append(transformNote) }
    // Under `--model auto` the catalogue's model for the indicator, when it names one, is used.
    var model = options.model
    if model == .auto, let name = series.entry?.model, name != ModelChoice.auto.rawValue {
      if let c = ModelChoice(rawValue: name) { model = c } else {
        warnings.append("catalogue model '\(name)' is not one of \(ModelChoice.allCases.map(\.rawValue).joined(separator: ", ")): auto used")
      }
    }
    let fitted: any FittedForecastModel
    do {
      fitted = try fitModel(model, series: s, input: input, transform: transform, options: options, warnings: &warnings)
    } catch {
      // Fallback: seasonal naive never fails on a series with an observation.
      warnings.append("\(model.rawValue) model failed (\(error)); seasonal naive used instead")
      fitted = try SeasonalNaive().fit(input)
    }
    warnings.append(contentsOf: fitted.warnings)
    let dists = fitted.forecast(horizon: steps).map { ForecastDistribution(base: $0, transform: transform) }
    let label = transform == .none ? fitted.label : "\(fitted.label) \(transform.name)"
    return SeriesForecast(series: series, periods: periods, distributions: dists, model: label, transform: transform, warnings: warnings)
  }

  static func fitModel(_ choice: ModelChoice, series: KPISeries, input: SeriesInput, transform: Transform,
                       options: ForecastOptions, warnings: inout [String]) throws -> any FittedForecastModel {
    switch choice {
    case .snaive: return try SeasonalNaive().fit(input)
    case .drift: return try Drift().fit(input)
    case .theta: return try ModelFamily.theta.fit(ModelInput(input: input, transform: transform))
    case .ets: return try ModelFamily.ets.fit(ModelInput(input: input, transform: transform))
    case .snaiveAvg: return try AveragedSeasonalNaive(seasonalPrior: seasonalPrior(for: series, input: input, transform: transform, warnings: &warnings)).fit(input)
    case .auto where AutoModel.applies(series: series, input: input, options: options):
      return try AutoModel(seasonalPrior: seasonalPrior(for: series, input: input, transform: transform, warnings: &warnings),
                           calibration: options.calibration, transform: transform).fit(input)
    case .regression, .auto:
      let positions = levelShiftPositions(series: series, options: options, warnings: &warnings)
      let prior = seasonalPrior(for: series, input: input, transform: transform, warnings: &warnings)
      // `auto` uses the same fallback regression as the backtest; `regression` is R's lm as asked.
      if choice == .auto {
        return try ModelSelection.fallbackRegression(input: input, levelShifts: positions, seasonalPrior: prior).fit(input)
      }
      return try SeasonalRegression(levelShifts: positions, seasonalPrior: prior).fit(input)
    }
  }

  /// Grid positions of the level shifts (options, then catalogue). A period inside a grid period
  /// (e.g. a month of a quarterly series) shifts from the period containing it, and says so;
  /// shifts at or before the series' start change nothing and are skipped; catalogue entries that
  /// are not periods are named in a warning.
  static func levelShiftPositions(series: KPISeries, options: ForecastOptions, warnings: inout [String]) -> [Int] {
    var shifts = options.levelShifts
    for p in series.entry?.levelShifts ?? [] {
      if let parsed = Period.parse(p)?.period { shifts.append(parsed) } else {
        warnings.append("catalogue level shift '\(p)' is not a period: ignored")
      }
    }
    let step = series.frequency.monthsPerStep
    var positions = Set<Int>()
    for p in shifts {
      let d = p.monthIndex - series.start.monthIndex
      // Ceiling division: the grid period (identified by its last month) that contains p.
      let k = d <= 0 ? 0 : (d + step - 1) / step
      guard k > 0 else { continue }
      if d % step != 0 {
        warnings.append("level shift \(p) is not a \(series.frequency.rawValue) period: applied from \(series.period(at: k))")
      }
      positions.insert(k)
    }
    return positions.sorted()
  }

  /// Converts a catalogue prior to the model scale: μ_s = f(level + e_s) − f(level), level the
  /// series' mean; quarterly priors spread to months when the series is monthly.
  static func seasonalPrior(for series: KPISeries, input: SeriesInput, transform: Transform,
                            warnings: inout [String]) -> SeasonalPrior? {
    guard let spec = series.entry?.seasonalPrior, input.period > 1 else { return nil }
    var effects = spec.effects
    if effects.count == 4 && input.period == 12 { effects = effects.flatMap { [$0, $0, $0] } }
    guard effects.count == input.period else {
      warnings.append("catalogue seasonal prior has \(spec.effects.count) effects but the series has \(input.period) seasons: prior ignored")
      return nil
    }
    if spec.scale != "model" {
      let obs = series.values.filter { !$0.isNaN }
      guard !obs.isEmpty else { return nil }
      let level = obs.reduce(0, +) / Double(obs.count)
      // A data-scale effect that takes the level out of the transform's domain (e.g. below zero on
      // the log scale) has no model-scale equivalent; clamping would make it enormous.
      if let bad = effects.first(where: { !transform.accepts(level + $0) }) {
        warnings.append("seasonal prior effect \(bad) at the series' mean level \(level) is outside the \(transform.name) scale: prior ignored")
        return nil
      }
      let f0 = transform.forward(level, clamping: true)
      effects = effects.map { transform.forward(level + $0, clamping: true) - f0 }
    }
    do { return try SeasonalPrior(effects: effects, weight: spec.weight) } catch {
      warnings.append("catalogue seasonal prior: \(error): prior ignored")
      return nil
    }
  }


  static func lastObservedPeriod(_ s: KPISeries) -> Period? {
    guard let i = s.values.lastIndex(where: { !$0.isNaN }) else { return nil }
    return s.period(at: i)
  }

  /// Forecasts many series on all cores; results keep the input order. `progress` is called
  /// with (done, total) from worker threads; with `auto` the interval-calibration pass counts as
  /// the first half of the steps (total = 2 × series).
  public static func forecastAll(_ series: [KPISeries], options: ForecastOptions,
                                 progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> [SeriesForecast] {
    var opts = options
    var offset = 0, total = series.count
    if opts.model == .auto && opts.calibration == nil {
      total = 2 * series.count
      let n = total
      var phase: (@Sendable (Int) -> Void)? = nil
      if let p = progress { phase = { @Sendable done in p(done, n) } }
      opts.calibration = AutoModel.batchCalibration(series, options: opts, progress: phase)
      offset = series.count
    }
    let options = opts, start = offset, steps = total
    let results = ResultBox<Result<SeriesForecast, Error>>(count: series.count)
    DispatchQueue.concurrentPerform(iterations: series.count) { i in
      let r = Result { try forecast(series[i], options: options) }
      let done = results.set(i, r)
      progress?(start + done, steps)
    }
    return try results.values.map { try $0!.get() }
  }
}

/// Lock-protected result slots for parallel loops.
final class ResultBox<T>: @unchecked Sendable {
  private var slots: [T?]
  private var done = 0
  private let lock = NSLock()
  init(count: Int) { slots = Array(repeating: nil, count: count) }
  @discardableResult func set(_ i: Int, _ v: T) -> Int {
    lock.lock(); defer { lock.unlock() }
    slots[i] = v; done += 1
    return done
  }
  var values: [T?] { lock.lock(); defer { lock.unlock() }; return slots }
}
