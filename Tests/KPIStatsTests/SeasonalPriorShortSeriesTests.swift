import Testing
@testable import KPIStats

/// A seasonal prior keeps the seasonal terms even on the shortest series: the September spike of
/// a KPI with two quarters of history (seed 000's NEET rate: 4.1 in Q1, 25.4 in Q2) is carried into
/// the forecast instead of averaging the spike into every quarter.
@Suite struct SeasonalPriorShortSeriesTests {
  @Test func twoObservationsWithPriorKeepSeasonAtMinimumDFThree() throws {
    // Hand-worked: level + season (the trend is dropped for df), prior contrasts vs Q1 are
    // γ2 = 17, γ3 = −2, γ4 = −7 with weight 4. γ3, γ4 appear only in prior rows, so they equal the
    // prior. Minimising (4.1 − c)² + (25.4 − c − γ2)² + 4(γ2 − 17)² gives 2c + γ2 = 29.5 and
    // c + 5γ2 = 93.4, so γ2 = 157.3/9 and c = 108.2/18: Q3 = c − 2, Q4 = c − 7. A level-only model
    // would forecast (4.1 + 25.4)/2 = 14.75 for both.
    let prior = try SeasonalPrior(effects: [-2, 15, -4, -9], weight: 4)
    let input = SeriesInput(values: [4.1, 25.4], period: 4, firstSeason: 0)
    let fit = try SeasonalRegression(seasonalPrior: prior, minimumResidualDF: 3).fit(input)
    #expect(fit.label == "regression(level+season)")
    let f = fit.forecast(horizon: 2)  // Q3, Q4
    let c = 108.2 / 18
    #expect(abs(f[0].mean - (c - 2)) < 1e-10)
    #expect(abs(f[1].mean - (c - 7)) < 1e-10)
    #expect(f.allSatisfy { $0.quantile(0.975).isFinite })
  }

  @Test func withoutPriorTheSameSeriesIsLevelOnly() throws {
    let input = SeriesInput(values: [4.1, 25.4], period: 4, firstSeason: 0)
    let fit = try SeasonalRegression(minimumResidualDF: 3).fit(input)
    #expect(fit.label == "regression(level)")
    #expect(abs(fit.forecast(horizon: 1)[0].mean - 14.75) < 1e-12)
  }
}

@Suite struct SeasonalPriorExactFitTests {
  /// Hand-worked: data 1 (Q1) and 3 (Q2); a prior whose Q2 − Q1 effect is exactly 2 lets level +
  /// season reproduce both values and every pseudo-row, leaving RSS = 0. That is not certainty, so
  /// the prior is dropped: level only, mean (1 + 3)/2 = 2, σ̂ = √2 from the two values (1 df).
  @Test func priorThatReproducesTheDataIsNotUsed() throws {
    let prior = try SeasonalPrior(effects: [0, 2, 0, 0], weight: 2)
    let fit = try SeasonalRegression(seasonalPrior: prior, minimumResidualDF: 3).fit(SeriesInput(values: [1, 3], period: 4))
    #expect(fit.label == "regression(level)")
    #expect(fit.warnings.contains { $0.contains("prior not used") })
    #expect(abs(fit.sigma - 2.0.squareRoot()) < 1e-12)
    guard case .studentT(let loc, _, let df) = fit.forecast(horizon: 1)[0] else { Issue.record("expected Student-t"); return }
    #expect(abs(loc - 2) < 1e-12)
    #expect(df == 1)
  }
}
