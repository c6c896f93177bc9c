import Foundation
import Testing
@testable import KPIStats

/// The defined edge behaviours of `leastSquares` and `SeasonalRegression` (each simplification is
/// named in `warnings`, output stays finite).
@Suite struct RegressionEdgeTests {
  // Hand-worked aliasing tolerance (R's dqrdc2, tol = 1e-7 relative to the column's own norm):
  // x1 = (1,1,1,1), x2 = (1,1,1,1+δ). The part of x2 orthogonal to x1 is δ·(−¼,−¼,−¼,¾), norm
  // δ·√(3/4) ≈ 0.866δ, and ‖x2‖ ≈ 2, so x2 is aliased iff 0.866δ < 2e-7, i.e. δ < 2.31e-7.
  // (R 4.2 `coef(lm(y ~ x))` agrees: NA at δ = 2.25e-7, a coefficient at δ = 2.4e-7.)
  @Test(arguments: [(1e-7, true), (2.25e-7, true), (2.4e-7, false), (1e-6, false)])
  func aliasingToleranceIsRelativeToTheColumnNorm(delta: Double, aliased: Bool) throws {
    let x = [[1.0, 1], [1, 1], [1, 1], [1, 1 + delta]]
    let fit = try leastSquares(design: x, response: [1, 2, 3, 4])
    #expect((fit.coefficients[1] == nil) == aliased)
    #expect(fit.rank == (aliased ? 1 : 2))
    if aliased { #expect(abs((fit.coefficients[0] ?? .nan) - 2.5) < 1e-12) }
  }

  @Test func exactCollinearityDropsTheLaterColumnAsRDoes() throws {
    // x3 = x1 + x2: lm keeps x1, x2 and reports x3 as NA.
    let rows = (0..<6).map { i -> [Double] in let a = Double(i), b = Double(i * i % 5); return [1, a, b, 1 + a + b] }
    let y = [3.0, 1, 4, 1, 5, 9]
    let fit = try leastSquares(design: rows, response: y)
    #expect(fit.coefficients[3] == nil)
    #expect(fit.coefficients[0...2].allSatisfy { $0 != nil })
    #expect(fit.residualDF == 3)
  }

  @Test func zeroColumnIsAliased() throws {
    let fit = try leastSquares(design: [[1, 0], [1, 0], [1, 0]], response: [1, 2, 4])
    #expect(fit.coefficients[1] == nil)
    #expect(abs((fit.coefficients[0] ?? .nan) - 7.0 / 3) < 1e-12)
  }

  @Test func columnMajorDesignGivesTheSameFitAsRows() throws {
    // The collinear design above (x3 = x1 + x2), stored column by column: same coefficients,
    // aliasing and residuals to the last bit; a non-finite cell names its row; a wrong size throws.
    let rows = (0..<6).map { i -> [Double] in let a = Double(i), b = Double(i * i % 5); return [1, a, b, 1 + a + b] }
    let y = [3.0, 1, 4, 1, 5, 9]
    let x = (0..<4).flatMap { c in rows.map { $0[c] } }
    let a = try leastSquares(design: rows, response: y), b = try leastSquares(columnMajor: x, rows: 6, columns: 4, response: y)
    #expect(a.coefficients == b.coefficients && a.residuals == b.residuals && a.keptColumns == b.keptColumns)
    var bad = x; bad[2 * 6 + 4] = .infinity
    #expect(throws: LeastSquaresError.nonFinite(row: 4)) { try leastSquares(columnMajor: bad, rows: 6, columns: 4, response: y) }
    #expect(throws: LeastSquaresError.self) { try leastSquares(columnMajor: Array(x.dropLast()), rows: 6, columns: 4, response: y) }
  }

  @Test func badInputThrowsInsteadOfTrapping() {
    #expect(throws: LeastSquaresError.noRows) { try leastSquares(design: [], response: []) }
    #expect(throws: LeastSquaresError.lengthMismatch(rows: 2, responses: 1)) { try leastSquares(design: [[1], [1]], response: [1]) }
    #expect(throws: LeastSquaresError.nonFinite(row: 1)) { try leastSquares(design: [[1], [1]], response: [1, .nan]) }
    #expect(throws: LeastSquaresError.nonFinite(row: 1)) { try leastSquares(design: [[1, 2], [1]], response: [1, 2]) }
  }

  @Test func twoObservationsGiveALevelModelWithAWarning() throws {
    let f = try SeasonalRegression().fit(SeriesInput(values: [5, 7], period: 4))
    #expect(f.label == "regression(level)")
    #expect(f.warnings.contains { $0.contains("seasonal terms dropped") })
    #expect(f.warnings.contains { $0.contains("level only") })
    let d = f.forecast(horizon: 3)
    // Mean 6, σ̂ = √2 on 1 df, scale σ̂·√(1 + 1/2).
    #expect(d.count == 3)
    #expect(abs(d[0].mean - 6) < 1e-12)
    let expected = 6 + 3.0.squareRoot() * SpecialFunctions.studentTQuantile(0.9, df: 1)
    #expect(abs(d[0].quantile(0.9) - expected) < 1e-9)
  }

  @Test func tooFewObservationsForAShiftDropsIt() throws {
    let f = try SeasonalRegression(levelShifts: [2]).fit(SeriesInput(values: [1, 2, 5], period: 4))
    #expect(f.termNames == ["(Intercept)", "t"])
    #expect(f.warnings.contains { $0.contains("too few observations for level shifts") })
    #expect(f.forecast(horizon: 2).allSatisfy { $0.quantile(0.975).isFinite })
  }

  @Test func oneObservationRepeatsItWithZeroWidth() throws {
    let f = try SeasonalRegression().fit(SeriesInput(values: [.nan, 4.5, .nan], period: 4))
    #expect(f.forecast(horizon: 2) == [.normal(mean: 4.5, sd: 0), .normal(mean: 4.5, sd: 0)])
    #expect(f.warnings.contains { $0.contains("one observation") })
  }

  @Test func noObservationsThrows() {
    #expect(throws: ModelError.noObservations) { try SeasonalRegression().fit(SeriesInput(values: [.nan, .nan], period: 4)) }
    #expect(throws: ModelError.noObservations) { try SeasonalNaive().fit(SeriesInput(values: [.nan], period: 4)) }
    #expect(throws: ModelError.noObservations) { try Drift().fit(SeriesInput(values: [], period: 4)) }
  }

  @Test(arguments: [5.0, 0.37, 1234.5, -2.25])
  func constantSeriesGivesAZeroWidthIntervalAtTheConstant(level: Double) throws {
    let f = try SeasonalRegression().fit(SeriesInput(values: Array(repeating: level, count: 10), period: 4, firstSeason: 1))
    #expect(f.warnings.contains { $0.contains("exactly") })
    for d in f.forecast(horizon: 5) {
      for p in [0.025, 0.1, 0.5, 0.9, 0.975] {
        let q = d.quantile(p)
        #expect(q.isFinite)
        #expect(abs(q - level) <= 1e-9 * max(1, abs(level)))
      }
      #expect(d.quantile(0.025) == d.quantile(0.975))
    }
  }

  @Test func gapsCountInTheTrendAndSeasons() throws {
    // y = 2 + 0.5·t exactly except a gap; the trend must use positions, not observation counts.
    var v = [Double]()
    for t in 1...12 { v.append(2 + 0.5 * Double(t) + (t % 2 == 0 ? 0.01 : -0.01)) }
    v[4] = .nan; v[5] = .nan
    let f = try SeasonalRegression(seasonal: false).fit(SeriesInput(values: v, period: 4))
    let slope = try #require(f.coefficients[1])
    #expect(abs(slope - 0.5) < 0.01)
    #expect(f.fitted[4].isNaN)
    #expect(abs(f.forecast(horizon: 1)[0].mean - (2 + 0.5 * 13)) < 0.05)
  }

  /// A short series (6 quarters): without a prior the seasonal terms are dropped; with one they are
  /// kept, and as the prior's weight grows the seasonal contrasts move monotonically from the data's
  /// own estimate to the prior's.
  @Test func seasonalPriorPullsTheSeasonalEffects() throws {
    let v = [20.5, 24.1, 19.2, 18.9, 22.0, 25.3]
    let priorEffects = [0.0, 3, -1, -2]
    let input = SeriesInput(values: v, period: 4, firstSeason: 0)
    let free = try SeasonalRegression(minimumSeasonalCycles: 1).fit(input)
    let freeGamma = (2...4).map { free.coefficients[$0] ?? .nan }
    func distance(_ w: Double) throws -> Double {
      let f = try SeasonalRegression(seasonalPrior: SeasonalPrior(effects: priorEffects, weight: w)).fit(input)
      #expect(f.termNames.contains("season4"))
      return (1...3).reduce(0.0) { acc, s in
        let g = f.coefficients[1 + s] ?? .nan
        return acc + (g - priorEffects[s]) * (g - priorEffects[s])
      }.squareRoot()
    }
    let freeDistance = (1...3).reduce(0.0) { $0 + pow(freeGamma[$1 - 1] - priorEffects[$1], 2) }.squareRoot()
    let ds = try [1e-6, 0.5, 4, 50, 1e6].map(distance)
    #expect(abs(ds[0] - freeDistance) < 1e-4)
    for (a, b) in zip(ds, ds.dropFirst()) { #expect(b < a) }
    #expect(ds.last! < 1e-4)
    #expect(freeDistance > 0.5)
  }

  @Test func priorWithTheWrongNumberOfSeasonsIsIgnoredAndSaid() throws {
    let f = try SeasonalRegression(seasonalPrior: SeasonalPrior(effects: [0, 1], weight: 4))
      .fit(SeriesInput(values: [1, 2, 3, 4, 5, 6], period: 4))
    #expect(f.warnings.contains { $0.contains("prior ignored") })
    #expect(!f.termNames.contains("season2"))
  }

  @Test func seasonalPriorRejectsBadParameters() {
    #expect(throws: ModelError.self) { try SeasonalPrior(effects: [], weight: 1) }
    #expect(throws: ModelError.self) { try SeasonalPrior(effects: [0, .nan], weight: 1) }
    #expect(throws: ModelError.self) { try SeasonalPrior(effects: [0, 1], weight: 0) }
  }
}

@Suite struct LeastSquaresShapeTests {
  @Test func predictionRowsOfTheWrongLengthAreRefusedNotTrapped() throws {
    let fit = try leastSquares(design: [[1, 1], [1, 2], [1, 3]], response: [1, 2, 4])
    #expect(fit.predict([1]).isNaN)
    #expect(throws: LAPACKError.self) { try fit.leverage([1, 2, 3]) }
    // Hand-worked: X = [1 t], t = 1,2,3; (XᵀX)⁻¹ = [[14, −6], [−6, 3]]/6, so x0 = (1, 4) gives (14 − 48 + 48)/6 = 7/3.
    #expect(abs(try fit.leverage([1, 4]) - 7.0 / 3) < 1e-12)
  }
}
