import Testing
@testable import KPIStats

/// A seasonal prior keeps the seasonal terms even on the shortest series: the September spike of
/// a KPI with two quarters of history (seed 000's NEET rate: 4.1 in Q1, 25.4 in Q2) is carried into
/// the forecast instead of averaging the spike into every quarter.
@Suite struct SeasonalPriorShortSeriesTests {
  @Test func twoObservationsWithPriorKeepSeasonAtMinimumDFThree() throws {
    // Hand-worked: level-only design would forecast the mean (4.1 + 25.4)/2 = 14.75 for Q3 and Q4.
    let prior = try SeasonalPrior(effects: [-2, 15, -4, -9], weight: 4)
    let input = SeriesInput(values: [4.1, 25.4], period: 4, firstSeason: 0)
    let fit = try SeasonalRegression(seasonalPrior: prior, minimumResidualDF: 3).fit(input)
    #expect(fit.label.contains("season"))
    let f = fit.forecast(horizon: 2)  // Q3, Q4
    // With the prior, Q3 sits above Q4 (prior −4 vs −9) and Q4 falls far below the level-only 14.75.
    #expect(f[1].mean < 10)
    #expect(f[0].mean > f[1].mean)
    #expect(f.allSatisfy { $0.quantile(0.975).isFinite })
  }

  @Test func withoutPriorTheSameSeriesIsLevelOnly() throws {
    let input = SeriesInput(values: [4.1, 25.4], period: 4, firstSeason: 0)
    let fit = try SeasonalRegression(minimumResidualDF: 3).fit(input)
    #expect(fit.label == "regression(level)")
    #expect(abs(fit.forecast(horizon: 1)[0].mean - 14.75) < 1e-12)
  }
}
