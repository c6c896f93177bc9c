import Foundation
import Testing
import KPIData
import KPIStats
@testable import KPIForecast
@testable import KPIPlanning

/// Issue 8's engine test: the same KPI has the same year-end distribution in every command —
/// year-end, targets, the scenarios' baseline and demand — because each asks the one engine.
@Suite struct EngineConsistencyTests {
  /// A small authority: 14 quarters of three KPIs (auto's combination, calibrated over the
  /// batch) and a year-to-date exclusions count whose year-end is a sum of quarters.
  static func batch() -> [KPISeries] {
    var g = SeededGenerator(seed: 11)
    func values(_ base: Double, _ season: [Double]) -> [Double] {
      var out = [Double]()
      for t in 0..<14 {
        let trend: Double = 0.3 * Double(t)
        let noise: Double = 2 * g.normal()
        out.append(base + trend + season[t % 4] + noise)
      }
      return out
    }
    let start = Period(year: 2021, month: 6)
    let rr = quarterlySeries("re-referrals", start: start, values: values(22, [1, -2, 0, 1]), unit: .percent, polarity: .smaller,
                             target: 20, level: 25, year: "2024/25")
    let cin = quarterlySeries("cin-rate", start: start, values: values(300, [10, -20, 5, 5]), unit: .rate, polarity: .smaller,
                              target: 290, level: 320, year: "2024/25")
    let plans = quarterlySeries("ehc-plans", start: start, values: values(60, [0, -5, 3, 2]), unit: .percent, polarity: .bigger,
                                target: 65, level: 55, year: "2024/25")
    let ex = quarterlySeries("permanent-exclusions", start: start, values: values(12, [2, -6, 3, 1]).map { max($0.rounded(), 0) },
                             unit: .count, polarity: .smaller, basis: .yearToDate, target: 40, level: 55, year: "2024/25")
    return [rr, cin, plans, ex]
  }

  @Test func everyCommandReadsTheSameDistribution() throws {
    let series = Self.batch()
    let options = YearEndOptions(draws: 4_000, seed: 3)
    // year-end
    let yearEnd = Forecaster.forecastAll(series, options: ForecastOptions(horizon: .toYearEnd))
    #expect(yearEnd.allSatisfy { $0.model.hasPrefix("auto(") })
    let outlooks = YearEndCalculator.outlooks(yearEnd, options: options)
    #expect(outlooks.count == 4)
    // targets (its default year is each series' next year-end)
    let targetForecasts = Forecaster.forecastAll(series, options: ForecastOptions(horizon: TargetPlanner.horizon(year: nil)))
    let (proposals, _) = try TargetPlanner.proposals(targetForecasts, year: nil, options: TargetOptions(), yearEndOptions: options)
    // scenarios: the baseline of every KPI
    let (scenarioRows, _) = ScenarioRunner.run(yearEnd, scenarios: [], options: options, includeUntouched: true)
    // demand: two years ahead; its first year is the year-end's
    let demandForecasts = Forecaster.forecastAll(series, options: ForecastOptions(horizon: .yearEnds(2)))
    let (inputs, _) = try ExclusionInput.build(from: demandForecasts, indicators: [], populations: [], geography: nil, file: "test")
    let (demand, _) = APDemandRunner.run(inputs: inputs, years: 2, scenarios: [], parameters: APDemandParameters(), draws: 4_000, seed: 3)

    let ps = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95]
    for o in outlooks {
      let yq = ps.map { o.distribution.quantile($0) }
      let p = try #require(proposals.first { $0.key == o.key })
      let tq = ps.map { p.evidence.baseline.quantile($0) }
      let s = try #require(scenarioRows.first { $0.key == o.key && $0.scenario == "baseline" })
      let sq = ps.map { s.distribution.quantile($0) }
      for (a, (b, c)) in zip(yq, zip(tq, sq)) {
        #expect(abs(a - b) <= 1e-12 * max(1, abs(a)), "\(o.key) targets")
        #expect(abs(a - c) <= 1e-12 * max(1, abs(a)), "\(o.key) scenarios")
      }
    }
    // Demand's first-year exclusions are the year-end's year-to-date total, draw for draw.
    let ex = try #require(outlooks.first { $0.key.indicator == "permanent-exclusions" })
    #expect(ex.aggregation.mode == .sum && ex.aggregation.steps.count > 1)
    let first = try #require(demand.first)
    #expect(abs(first.exclusionsMedian - ex.distribution.quantile(0.5)) <= 1e-9 * max(1, ex.distribution.quantile(0.5)))
  }

  /// Year-to-date sums come from correlated paths: for a random walk the sum of four steps has
  /// variance σ²(1 + 4 + 9 + 16)·… = σ²·Σ_{h,k} min(h, k) = 30σ², not the 10σ² of independent steps.
  @Test func pathSumsCarryTheModelsCorrelation() throws {
    let s = quarterlySeries("walk", start: Period(year: 2023, month: 6), values: [50, 52], unit: .number, polarity: .smaller)
    var f = try Forecaster.forecast(s, options: ForecastOptions(model: .naive, horizon: .steps(4)))
    // Replace the borrowed band by a known σ = 1 walk to check the path arithmetic exactly.
    f.distributions = (1...4).map { ForecastDistribution(base: .normal(mean: 52, sd: Double($0).squareRoot())) }
    let paths = f.samplePaths(steps: 4, count: 40_000, seed: 5)
    let sums = stride(from: 0, to: paths.count, by: 4).map { paths[$0..<($0 + 4)].reduce(0, +) }
    let mean = sums.reduce(0, +) / Double(sums.count)
    let variance = sums.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(sums.count - 1)
    #expect(abs(mean - 208) < 0.1)
    #expect(abs(variance / 30 - 1) < 0.03)
    // And each step keeps its own marginal.
    let step4 = stride(from: 3, to: paths.count, by: 4).map { paths[$0] }
    let v4 = step4.reduce(0) { $0 + ($1 - 52) * ($1 - 52) } / Double(step4.count)
    #expect(abs(v4 / 4 - 1) < 0.03)
  }
}
