import Foundation
import KPIData
import KPIForecast

/// One indicator under one scenario, beside the baseline.
public struct ScenarioResult: Sendable {
  public var key: SeriesKey
  public var unit: KPIUnit
  public var scenario: String
  public var yearEnd: Period
  public var distribution: YearEndDistribution
  public var thresholds: Thresholds?
  public var baselinePoint: Double
  public var baselineProbability: Double?
  /// What the scenario did to this indicator, in words.
  public var applied: String

  public var point: Double { distribution.point }
  public var probabilityOfMeetingTarget: Double? { thresholds?.probabilityOfMeeting(cdf: distribution.cdf) }
  public var status: ForecastStatus? { thresholds?.status(of: point) }
  public var differenceFromBaseline: Double { point - baselinePoint }
}

/// Simulates scenarios on forecast paths. Every scenario of a series uses the same random
/// stream (common random numbers), so differences from the baseline are the scenario's effect,
/// not simulation noise.
public enum ScenarioRunner {
  /// Outturn draws for one forecast with `effects` applied per period and the outturn shifted
  /// by `shift`, clamped to the series' bounds.
  public static func outturnDraws(_ f: SeriesForecast, aggregation agg: YearEndAggregation, effects: [Scenario.Effect], shift: Double,
                                  options: YearEndOptions, streamIndex: Int) -> [Double] {
    guard let last = agg.steps.max() else { return [] }
    var gen = SeededGenerator(seed: SeededGenerator.streamSeed(options.seed, streamIndex))
    let h = last + 1
    let paths = PathSimulator(steps: Array(f.distributions[0..<h]), stepCorrelation: options.stepCorrelation)
      .simulate(count: options.draws, generator: &gen)
    let (lo, hi) = f.series.bounds
    func clamp(_ v: Double) -> Double { min(max(v, lo ?? -.infinity), hi ?? .infinity) }
    let step = f.series.frequency.monthsPerStep
    var out = [Double](repeating: 0, count: options.draws)
    var values = [Double](repeating: 0, count: agg.steps.count)
    for i in 0..<options.draws {
      for (k, j) in agg.steps.enumerated() {
        var y = paths[i * h + j]
        for e in effects { y = e.apply(y, at: f.periods[j], monthsPerStep: step) }
        values[k] = effects.isEmpty ? y : clamp(y)
      }
      let v = agg.combine(values) + shift
      out[i] = shift == 0 ? v : clamp(v)
    }
    return out
  }

  /// Comparator value for convergence: given directly, or the catalogue comparator's latest
  /// value up to the year-end, or the last value of an input geography with that name.
  static func comparatorValue(_ c: Scenario.Convergence, series s: KPISeries, others: [KPISeries], yearEnd: Period) -> Double? {
    if let v = c.value { return v }
    guard let name = c.comparator?.lowercased() else { return nil }
    if let table = s.entry?.comparators?.first(where: { $0.key.lowercased() == name })?.value {
      let best = table.compactMap { k, v -> (Period, Double)? in
        guard let p = Period.parse(k)?.period, p <= yearEnd else { return nil }
        return (p, v)
      }.max { $0.0 < $1.0 }
      if let b = best { return b.1 }
    }
    if let g = others.first(where: { $0.key.indicator == s.key.indicator && $0.key.geography?.lowercased() == name }),
       let i = g.values.lastIndex(where: { !$0.isNaN }) { return g.values[i] }
    return nil
  }

  /// Results per touched series and scenario (a baseline first when the file has none), and notes.
  public static func run(_ forecasts: [SeriesForecast], scenarios: [Scenario], options: YearEndOptions,
                         includeUntouched: Bool = false) -> (results: [ScenarioResult], notes: [String]) {
    var notes = [String]()
    var list = scenarios
    if !list.contains(where: \.isBaseline) { list.insert(Scenario(name: "baseline"), at: 0) }
    let known = Set(forecasts.map(\.series.key.indicator))
    for s in scenarios {
      for i in Set(s.effects.map(\.indicator) + s.convergence.map(\.indicator)) where !known.contains(i) {
        notes.append("scenario '\(s.name)': indicator '\(i)' is not in the input; ignored")
      }
    }
    let all = forecasts.map(\.series)
    var results = [ScenarioResult]()
    for (index, f) in forecasts.enumerated() {
      let ind = f.series.key.indicator
      guard !TargetPlanner.isAggregate(f.series.key.geography) else { continue }
      let touched = scenarios.contains { $0.effects.contains { $0.indicator == ind } || $0.convergence.contains { $0.indicator == ind } }
      guard touched || includeUntouched else { continue }
      let (basis, _) = YearEndCalculator.basis(of: f.series)
      guard let agg = YearEndAggregation.plan(for: f, basis: basis) else {
        notes.append("\(f.series.key): no forecast to the year-end; left out"); continue
      }
      let th = YearEndCalculator.thresholds(for: f.series, yearLabel: agg.yearEnd.financialYearLabel)
      let baseDraws = outturnDraws(f, aggregation: agg, effects: [], shift: 0, options: options, streamIndex: index)
      let baseDist = YearEndDistribution.sample(baseDraws)
      let basePoint = baseDist.point
      let baseP = th?.probabilityOfMeeting(cdf: baseDist.cdf)
      for sc in list {
        let effects = sc.effects.filter { $0.indicator == ind }
        var shift = 0.0
        var applied = effects.map { e in
          (e.change.map { "\($0 >= 0 ? "+" : "")\(ReasonDrafter.fmtDelta($0, f.series.unit))" } ?? e.relative.map { String(format: "%+.0f%%", $0 * 100) } ?? "")
            + " from \(e.from)" + (e.ramp > 1 ? " over \(e.ramp) periods" : "")
        }
        for c in sc.convergence where c.indicator == ind {
          guard let cv = comparatorValue(c, series: f.series, others: all, yearEnd: agg.yearEnd) else {
            notes.append("scenario '\(sc.name)': no value for comparator '\(c.comparator ?? "")' of \(ind); convergence ignored"); continue
          }
          shift += c.share * (cv - basePoint)
          applied.append("closes \(Int((c.share * 100).rounded()))% of the gap to \(c.comparator ?? "the given value") (\(ReasonDrafter.fmt(cv, f.series.unit)))")
        }
        let dist: YearEndDistribution = (effects.isEmpty && shift == 0) ? baseDist
          : .sample(outturnDraws(f, aggregation: agg, effects: effects, shift: shift, options: options, streamIndex: index))
        results.append(ScenarioResult(key: f.series.key, unit: f.series.unit, scenario: sc.name, yearEnd: agg.yearEnd, distribution: dist,
                                      thresholds: th, baselinePoint: basePoint, baselineProbability: baseP,
                                      applied: applied.isEmpty ? "no change" : applied.joined(separator: "; ")))
      }
    }
    return (results, notes)
  }
}
