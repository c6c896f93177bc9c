import Foundation
import KPIData
import KPIForecast

/// Simulates scenarios on forecast paths. Every scenario of a series uses the same random
/// stream (common random numbers), so differences from the baseline are the scenario's effect,
/// not simulation noise.
public enum ScenarioRunner {
  /// Outturn draws for one forecast with `effects` applied per period and the outturn shifted
  /// by `shift`, clamped to the series' bounds — from the same joint paths as the year-end
  /// (common random numbers: the difference from the baseline is the scenario's effect).
  public static func outturnDraws(_ f: SeriesForecast, aggregation agg: YearEndAggregation, effects: [Scenario.Effect], shift: Double,
                                  options: YearEndOptions, streamIndex: Int) -> [Double] {
    let (lo, hi) = f.series.bounds
    func clamp(_ v: Double) -> Double { min(max(v, lo ?? -.infinity), hi ?? .infinity) }
    let step = f.series.frequency.monthsPerStep
    func adjust(_ j: Int, _ v: Double) -> Double {
      var y = v
      for e in effects { y = e.apply(y, at: f.periods[j], monthsPerStep: step) }
      return effects.isEmpty ? y : clamp(y)
    }
    let draws: [Double]
    if agg.steps.count == 1, let j = agg.steps.first {
      // One period decides the outturn: its exact quantiles at (i + ½)/n, so the baseline is the
      // year-end distribution and an effect moves every draw by exactly its size.
      let n = options.draws
      draws = (0..<n).map { i in agg.combine([adjust(j, f.distributions[j].quantile((Double(i) + 0.5) / Double(n)))]) }
    } else {
      draws = YearEndCalculator.outturnDraws(f, aggregation: agg, options: options, streamIndex: streamIndex, adjust: adjust)
    }
    return shift == 0 ? draws : draws.map { clamp($0 + shift) }
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
      guard !GeographyKind(name: f.series.key.geography).isAggregate else { continue }
      let touched = scenarios.contains { $0.effects.contains { $0.indicator == ind } || $0.convergence.contains { $0.indicator == ind } }
      guard touched || includeUntouched else { continue }
      let (basis, _) = YearEndCalculator.basis(of: f.series)
      guard let agg = YearEndAggregation.plan(for: f, basis: basis) else {
        notes.append("\(f.series.key): no forecast to the year-end; left out"); continue
      }
      let th = YearEndCalculator.thresholds(for: f.series, yearLabel: agg.yearEnd.financialYearLabel)
      // The baseline is the year-end command's distribution of the same series.
      let baseDist = YearEndCalculator.distribution(f, aggregation: agg, options: options, streamIndex: index)
      let basePoint = baseDist.point
      let baseP = th?.probabilityOfMeeting(cdf: baseDist.cdf)
      for sc in list {
        let effects = sc.effects.filter { $0.indicator == ind }
        var shift = 0.0
        var applied = effects.map { e in
          (e.change.map { "\($0 >= 0 ? "+" : "")\(ReasonDrafter.fmtDelta($0, f.series.unit))" } ?? e.relative.map { NumberFormat.signed($0 * 100, decimals: 0) + "%" } ?? "")
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
        if let n = clampNote(f, aggregation: agg, effects: effects, shift: shift, basePoint: basePoint, scenario: sc.name) { notes.append(n) }
        results.append(ScenarioResult(key: f.series.key, unit: f.series.unit, scenario: sc.name, yearEnd: agg.yearEnd, distribution: dist,
                                      thresholds: th, baselinePoint: basePoint, baselineProbability: baseP,
                                      applied: applied.isEmpty ? "no change" : applied.joined(separator: "; ")))
      }
    }
    return (results, notes)
  }

  /// A note when the scenario pushes the central forecast past the series' bounds, where the
  /// draws are clamped: the output then shows the bound, not the full effect asked for.
  static func clampNote(_ f: SeriesForecast, aggregation agg: YearEndAggregation, effects: [Scenario.Effect], shift: Double,
                        basePoint: Double, scenario: String) -> String? {
    guard !effects.isEmpty || shift != 0 else { return nil }
    let (lo, hi) = f.series.bounds
    let step = f.series.frequency.monthsPerStep
    var worst: Double?
    for j in agg.steps where j < f.distributions.count {
      var y = f.distributions[j].quantile(0.5)
      for e in effects { y = e.apply(y, at: f.periods[j], monthsPerStep: step) }
      if let lo, y < lo { worst = min(worst ?? y, y) }
      if let hi, y > hi { worst = max(worst ?? y, y) }
    }
    let moved = basePoint + shift
    if let lo, moved < lo { worst = moved }
    if let hi, moved > hi { worst = moved }
    guard let w = worst else { return nil }
    let bound = (lo.map { w < $0 } ?? false) ? lo ?? 0 : hi ?? 0
    return "scenario '\(scenario)': the effect on \(f.series.key) would take the forecast to \(ReasonDrafter.fmt(w, f.series.unit)), "
      + "\(w < bound ? "below" : "above") the \(w < bound ? "lower" : "upper") bound \(ReasonDrafter.fmt(bound, f.series.unit)); "
      + "the draws are clamped at the bound, so the figures show the bound, not the full effect"
  }
}
