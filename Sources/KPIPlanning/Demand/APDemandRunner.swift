import Foundation
import KPIData
import KPIForecast
import KPIStats

/// Seeded Monte Carlo of AP places and cost by scenario and year.
public enum APDemandRunner {
  /// Runs `draws` joint paths per input, shared by every scenario (common random numbers).
  /// Each year's exclusions are the sum over the financial year's forecast periods of one path
  /// (annual series: the year's value) times the multiplier, summed over the inputs (e.g.
  /// primary + secondary); years are read from the same path, so a bad year carries into the
  /// next as the model implies. Returns results and the wall time in seconds.
  public static func run(inputs: [ExclusionInput], years: Int, scenarios: [Scenario], parameters: APDemandParameters,
                         draws: Int, seed: UInt64) -> (results: [DemandResult], seconds: Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let weights = (0..<max(years, 1)).map { APDemandModel.occupancyWeight(stay: parameters.averageStayYears, yearOffset: $0) }
    var list = scenarios
    if !list.contains(where: \.isBaseline) { list.insert(Scenario(name: "baseline"), at: 0) }
    // Year-end aggregations per input and year.
    var plans = [[YearEndAggregation]]()
    for inp in inputs {
      let f = inp.forecast
      guard let first = f.periods.first else { plans.append([]); continue }
      var ps = [YearEndAggregation]()
      for y in 0..<years {
        let march = Period(year: first.financialYearEnd + y, month: 3)
        if var a = YearEndAggregation.plan(for: f, basis: .yearToDate, yearEnd: march) {
          if f.series.frequency != .annual { a.mode = .sum }
          ps.append(a)
        }
      }
      plans.append(ps)
    }
    let nYears = plans.map(\.count).min() ?? 0
    let yearLabels = plans.first.map { $0.prefix(nYears).map { $0.yearEnd.financialYearLabel } } ?? []
    var results = [DemandResult]()
    var baselineExclusions: [[Double]]?
    for sc in list {
      let touches = inputs.contains { inp in sc.effects.contains { $0.indicator == inp.forecast.series.key.indicator } }
      var exclusions = [[Double]](repeating: [Double](repeating: 0, count: draws), count: nYears)
      if !touches, let b = baselineExclusions {
        exclusions = b   // same random numbers and no effect: the baseline's draws
      } else {
        let options = YearEndOptions(draws: draws, seed: seed)
        for (k, inp) in inputs.enumerated() {
          let f = inp.forecast
          let effects = sc.effects.filter { $0.indicator == f.series.key.indicator }
          let (lo, hi) = f.series.bounds
          let step = f.series.frequency.monthsPerStep
          guard let last = plans[k].prefix(nYears).flatMap(\.steps).max() else { continue }
          let h = last + 1
          let paths = f.samplePaths(steps: h, count: draws, seed: options.pathSeed(inp.streamIndex))
          guard paths.count == h * draws else { continue }
          for y in 0..<nYears {
            let agg = plans[k][y]
            var values = [Double](repeating: 0, count: agg.steps.count)
            for i in 0..<draws {
              for (m, j) in agg.steps.enumerated() {
                var v = paths[i * h + j]
                for e in effects { v = e.apply(v, at: f.periods[j], monthsPerStep: step) }
                values[m] = effects.isEmpty ? v : min(max(v, lo ?? -.infinity), hi ?? .infinity)
              }
              exclusions[y][i] += max(agg.combine(values), 0) * inp.multiplier
            }
          }
        }
        if !touches { baselineExclusions = exclusions }
      }
      var costGen = SeededGenerator(seed: SeededGenerator.streamSeed(seed, 1_000_003))
      var places = [[Double]](repeating: [Double](repeating: 0, count: draws), count: nYears)
      var costs = places
      for i in 0..<draws {
        let unitCost = parameters.cost.draw(&costGen)
        for y in 0..<nYears {
          var p = y == 0 ? parameters.carriedOver : 0
          for c in 0...y { p += exclusions[c][i] * parameters.shareToAP * weights[y - c] }
          places[y][i] = p
          costs[y][i] = p * unitCost
        }
      }
      for y in 0..<nYears {
        let pl = Distribution.empirical(places[y]), co = Distribution.empirical(costs[y]), ex = Distribution.empirical(exclusions[y])
        results.append(DemandResult(scenario: sc.name, year: yearLabels[y], places: [0.1, 0.5, 0.9].map(pl.quantile),
                                    cost: [0.1, 0.5, 0.9].map(co.quantile), exclusionsMedian: ex.quantile(0.5)))
      }
    }
    return (results, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
  }
}
