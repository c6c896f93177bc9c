import KPIData
import KPIStats

/// One series prepared once for the engine: trailing gaps trimmed, the transform chosen, the
/// catalogue's seasonal prior and level shifts on the model scale, the model named, the
/// periods to forecast. Every command and the backtest prepare series this one way.
public struct PreparedSeries: Sendable {
  public var series: KPISeries
  public var model: ModelInput
  public var choice: ModelChoice
  public var transform: Transform
  /// Periods to forecast (steps 1 … count after the last observation).
  public var periods: [Period]
  public var notes: [ForecastNote]
  /// Set when the user's explicit option cannot be honoured for this series.
  public var refusal: ForecastError?

  /// Prepares `series` under `options`; a refused explicit transform is recorded, not thrown.
  public init(_ series: KPISeries, options: ForecastOptions) {
    self.series = series
    var notes = [ForecastNote]()
    var s = series
    while let l = s.values.last, l.isNaN, s.values.count > 1 { s.values.removeLast() }
    let steps: Int
    switch options.horizon {
    case .steps(let n): steps = max(n, 0)
    case .toYearEnd, .yearEnds:
      var years = 1
      if case .yearEnds(let n) = options.horizon { years = max(n, 1) }
      let last = s.values.lastIndex(where: { !$0.isNaN }).map { s.period(at: $0) } ?? s.end
      let march = Period(year: last.nextMarch.year + years - 1, month: 3)
      steps = max(1, (march.monthIndex - last.monthIndex) / s.frequency.monthsPerStep)
    case .throughMarch(let year):
      let last = s.end
      steps = max(1, (Period(year: year, month: 3).monthIndex - last.monthIndex) / s.frequency.monthsPerStep)
    }
    periods = steps > 0 ? (1...steps).map { s.period(at: s.values.count - 1 + $0) } : []
    if series.unitSource == "default" { notes.append(.noUnit) }
    var transform = Transform.none
    do {
      let (t, note) = try TransformPolicy.decide(options.transform, for: s)
      transform = t
      if let note { notes.append(.transform(note)) }
    } catch let e as ForecastError {
      refusal = e
      notes.append(.refused(e))
    } catch {
      refusal = .badOption("\(series.key): \(error)")
    }
    self.transform = transform
    let input = SeriesInput(values: s.values.map { $0.isNaN ? .nan : transform.forward($0) },
                            period: s.frequency.seasonalPeriod, firstSeason: s.firstSeason)
    // Under `--model auto` the catalogue's model for the indicator, when it names one, is used.
    var choice = options.model
    if choice == .auto, let name = series.entry?.model, name != ModelChoice.auto.rawValue {
      if let c = ModelChoice(rawValue: name) { choice = c } else { notes.append(.unknownCatalogueModel(name)) }
    }
    self.choice = choice
    var prepNotes = [ForecastNote]()
    let shifts = Self.levelShiftPositions(series: s, options: options, notes: &prepNotes)
    let prior = Self.seasonalPrior(for: s, input: input, transform: transform, notes: &prepNotes)
    model = ModelInput(input: input, transform: transform, seasonalPrior: prior, levelShifts: shifts)
    self.notes = notes + prepNotes
  }

  /// Observed values of the series (data scale).
  public var observedCount: Int { model.input.observedCount }

  /// Grid positions of the level shifts (options, then catalogue). A period inside a grid period
  /// (e.g. a month of a quarterly series) shifts from the period containing it, and says so;
  /// shifts at or before the series' start change nothing and are skipped; catalogue entries that
  /// are not periods are named in a note.
  static func levelShiftPositions(series: KPISeries, options: ForecastOptions, notes: inout [ForecastNote]) -> [Int] {
    var shifts = options.levelShifts
    for p in series.entry?.levelShifts ?? [] {
      if let parsed = Period.parse(p)?.period { shifts.append(parsed) } else {
        notes.append(.levelShift("catalogue level shift '\(p)' is not a period: ignored"))
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
        notes.append(.levelShift("level shift \(p) is not a \(series.frequency.rawValue) period: applied from \(series.period(at: k))"))
      }
      positions.insert(k)
    }
    return positions.sorted()
  }

  /// Converts a catalogue prior to the model scale: μ_s = f(level + e_s) − f(level), level the
  /// series' mean; quarterly priors spread to months when the series is monthly.
  static func seasonalPrior(for series: KPISeries, input: SeriesInput, transform: Transform, notes: inout [ForecastNote]) -> SeasonalPrior? {
    guard let spec = series.entry?.seasonalPrior, input.period > 1 else { return nil }
    var effects = spec.effects
    if effects.count == 4 && input.period == 12 { effects = effects.flatMap { [$0, $0, $0] } }
    guard effects.count == input.period else {
      notes.append(.seasonalPrior("catalogue seasonal prior has \(spec.effects.count) effects but the series has \(input.period) seasons: prior ignored"))
      return nil
    }
    if spec.scale != "model" {
      let obs = series.values.filter { !$0.isNaN }
      guard !obs.isEmpty else { return nil }
      let level = obs.reduce(0, +) / Double(obs.count)
      // A data-scale effect that takes the level out of the transform's domain (e.g. below zero on
      // the log scale) has no model-scale equivalent; clamping would make it enormous.
      if let bad = effects.first(where: { !transform.accepts(level + $0) }) {
        notes.append(.seasonalPrior("seasonal prior effect \(bad) at the series' mean level \(level) is outside the \(transform.name) scale: prior ignored"))
        return nil
      }
      let f0 = transform.forward(level, clamping: true)
      effects = effects.map { transform.forward(level + $0, clamping: true) - f0 }
    }
    do { return try SeasonalPrior(effects: effects, weight: spec.weight) } catch {
      notes.append(.seasonalPrior("catalogue seasonal prior: \(error): prior ignored"))
      return nil
    }
  }
}
