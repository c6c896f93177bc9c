import Foundation
import KPIData
import KPIStats

public enum Backtest {
  /// Forecasts every case through the engine (``Forecaster/run(_:options:progress:)``: the
  /// shipped specification refitted at each origin, calibration pooled over the cases' own
  /// training data) and scores it against the held-out values.
  public static func run(_ cases: [BacktestCase], options: BacktestOptions = BacktestOptions()) -> BacktestResult {
    let start = DispatchTime.now().uptimeNanoseconds
    let (forecasts, learning) = Forecaster.run(cases.map(\.prepared), options: options.forecast)
    let scores: [CaseScore] = Array(cases.indices).parallelMap { i in
      score(cases[i], forecast: forecasts[i], options: options, stream: i)
    }
    var order = [String]()
    var groups = [String: [CaseScore]]()
    for s in scores { if groups[s.group] == nil { order.append(s.group) }; groups[s.group, default: []].append(s) }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return BacktestResult(method: options.forecast.model.rawValue, scores: scores,
                          overall: BacktestSummary(name: "overall", scores: scores, levels: options.levels.count),
                          byGroup: order.map { BacktestSummary(name: $0, scores: groups[$0] ?? [], levels: options.levels.count) },
                          seconds: seconds, intervals: Forecaster.describe(learning))
  }

  /// Scores one case's forecast.
  public static func score(_ c: BacktestCase, forecast f: SeriesForecast, options: BacktestOptions, stream: Int) -> CaseScore {
    let levels = options.levels
    let h = min(c.actual.count, f.distributions.count)
    let scale = AccuracyMeasures.seasonalNaiveScale(c.scaleData ?? c.trainData, period: c.prepared.model.input.period) ?? .nan
    var ase = 0.0, smape = 0.0, points = 0
    var covered = [Int](repeating: 0, count: levels.count)
    var byStep = [[Bool?]](repeating: [Bool?](repeating: nil, count: c.actual.count), count: levels.count)
    var winkler = [Double](repeating: 0, count: levels.count)
    for t in 0..<h where !c.actual[t].isNaN {
      let d = f.distributions[t]
      let y = c.actual[t], p = d.point
      ase += abs(y - p)
      smape += AccuracyMeasures.symmetricAPE(actual: y, forecast: p)
      points += 1
      for (l, level) in levels.enumerated() {
        let (lo, hi) = d.interval(level: level)
        let inside = AccuracyMeasures.covered(actual: y, lower: lo, upper: hi)
        if inside { covered[l] += 1 }
        byStep[l][t] = inside
        winkler[l] += AccuracyMeasures.winkler(actual: y, lower: lo, upper: hi, level: level) / scale
      }
    }
    var sumCovered = [Bool?](repeating: nil, count: levels.count)
    let k = options.sumSteps
    if k > 0, h >= k, c.actual.prefix(k).allSatisfy({ !$0.isNaN }) {
      let paths = f.samplePaths(steps: k, count: options.sumDraws, seed: SeededGenerator.streamSeed(20261202, stream))
      let sums = stride(from: 0, to: paths.count, by: k).map { i in paths[i..<(i + k)].reduce(0, +) }
      let d = Distribution.empirical(sums)
      let actualSum = c.actual.prefix(k).reduce(0, +)
      for (l, level) in levels.enumerated() {
        let a = (1 - level / 100) / 2
        sumCovered[l] = actualSum >= d.quantile(a) && actualSum <= d.quantile(1 - a)
      }
    }
    let mase = points > 0 && scale > 0 && scale.isFinite ? ase / Double(points) / scale : .nan
    var score = CaseScore(id: c.id, group: c.group, label: f.model, mase: mase, smapeSum: smape, points: points,
                          covered: covered, coveredByStep: byStep, scaledWinklerSum: winkler, sumCovered: sumCovered, notes: f.notes)
    score.bands = f.distributions.count
    // On a series whose history is all positive (counts, trips), a 95% band reaching zero or
    // below is as unusable as one whose upper end is over 50 times its lower: both count.
    let positive = c.prepared.series.values.allSatisfy { $0.isNaN || $0 > 0 }
    for d in f.distributions {
      let (lo, hi) = d.interval(level: 95)
      if !(hi - lo > 0) { score.zeroWidthBands += 1 }
      if positive && (lo <= 0 || hi / lo > 50) { score.wideBands += 1 }
    }
    return score
  }
}
