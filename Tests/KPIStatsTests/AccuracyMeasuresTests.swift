import Testing
@testable import KPIStats

/// Hand-worked examples (each stated in the test).
@Suite struct AccuracyMeasuresTests {
  @Test func seasonalNaiveScale() {
    // Lag-2 differences of [1, 2, 4, 3, 7]: |4−1| = 3, |3−2| = 1, |7−4| = 3 → mean 7/3.
    #expect(abs((AccuracyMeasures.seasonalNaiveScale([1, 2, 4, 3, 7], period: 2) ?? 0) - 7.0 / 3) < 1e-12)
    // Missing pairs are skipped: [1, NaN, 4, 3] lag 2 → |4−1| = 3 only.
    #expect(AccuracyMeasures.seasonalNaiveScale([1, .nan, 4, 3], period: 2) == 3)
    // Too short for lag 4: falls back to lag 1, |2−1| = 1.
    #expect(AccuracyMeasures.seasonalNaiveScale([1, 2], period: 4) == 1)
    #expect(AccuracyMeasures.seasonalNaiveScale([5], period: 4) == nil)
  }

  @Test func smapeAndScaledError() {
    // 200·|100 − 80| / (100 + 80) = 4000/180.
    #expect(abs(AccuracyMeasures.symmetricAPE(actual: 100, forecast: 80) - 4000.0 / 180) < 1e-12)
    #expect(AccuracyMeasures.symmetricAPE(actual: 0, forecast: 0) == 0)
    #expect(AccuracyMeasures.symmetricAPE(actual: 0, forecast: 5) == 200)
    #expect(AccuracyMeasures.absoluteScaledError(actual: 10, forecast: 7, scale: 2) == 1.5)
  }

  @Test func winklerAndCoverage() {
    // Inside: the width. Below by 2 at 80% (α = 0.2): 10 + (2/0.2)·2 = 30. Above by 1 at 95%: 10 + 40·1 = 50.
    #expect(AccuracyMeasures.winkler(actual: 5, lower: 0, upper: 10, level: 80) == 10)
    #expect(abs(AccuracyMeasures.winkler(actual: -2, lower: 0, upper: 10, level: 80) - 30) < 1e-9)
    #expect(abs(AccuracyMeasures.winkler(actual: 11, lower: 0, upper: 10, level: 95) - 50) < 1e-9)
    #expect(AccuracyMeasures.covered(actual: 10, lower: 0, upper: 10))
    #expect(!AccuracyMeasures.covered(actual: 10.01, lower: 0, upper: 10))
    // A zero-width interval at a constant, computed with rounding error, still covers it.
    #expect(AccuracyMeasures.covered(actual: 5, lower: 5 - 4e-15, upper: 5 - 4e-15))
  }

  @Test func pinball() {
    // q = 10, p = 0.9: y = 12 → 0.9·2 = 1.8; y = 8 → 0.1·2 = 0.2.
    #expect(abs(AccuracyMeasures.pinball(actual: 12, quantile: 10, probability: 0.9) - 1.8) < 1e-12)
    #expect(abs(AccuracyMeasures.pinball(actual: 8, quantile: 10, probability: 0.9) - 0.2) < 1e-12)
  }

  @Test func averagedSeasonalNaiveOnAPerfectPattern() throws {
    // y = 10 + season effect (−1, 2, 0, −1) repeated three times, no noise: effects recovered,
    // level 10, forecasts continue the pattern with zero spread.
    let pattern = [-1.0, 2, 0, -1]
    let y = (0..<12).map { 10 + pattern[$0 % 4] }
    let f = try AveragedSeasonalNaive().fit(SeriesInput(values: y, period: 4))
    for (a, b) in zip(f.effects, pattern) { #expect(abs(a - b) < 1e-9) }
    let fc = f.forecast(horizon: 5)
    for h in 0..<5 { #expect(abs(fc[h].mean - (10 + pattern[h % 4])) < 1e-9) }
    #expect(abs(fc[0].standardDeviation) < 1e-9)
    #expect(throws: ModelError.self) { try AveragedSeasonalNaive().fit(SeriesInput(values: [1, 2, 3, 4], period: 4)) }
  }

  @Test func averagedSeasonalNaiveOnOneCyclePlusOne() throws {
    // 1, 2, 3, 4, 5 by quarter (the first quarter seen twice): level + season without trend gives
    // the first quarter 3 (mean of 1 and 5), the others 2, 3, 4, so centred effects 0, −1, 0, 1;
    // adjusted values 1, 3, 3, 3, 5; level = (3 + 3 + 3 + 5) / 4 = 3.5; the next four quarters
    // (2nd, 3rd, 4th, 1st) 2.5, 3.5, 4.5, 3.5.
    let f = try AveragedSeasonalNaive().fit(SeriesInput(values: [1, 2, 3, 4, 5], period: 4))
    let fc = f.forecast(horizon: 4)
    for (d, want) in zip(fc, [2.5, 3.5, 4.5, 3.5]) { #expect(abs(d.mean - want) < 1e-9) }
  }
}
