import Foundation
import Testing
@testable import KPIStats

/// The contract every `ForecastModel` keeps (statsforecast's `assert_class`): run it on a new model
/// by adding a case to `contractModels`. On a batch of series (regular, gappy, short, constant,
/// one value) fitting either succeeds or throws `ModelError`; `fitted` has one value per position,
/// NaN at the gaps; `forecast(horizon:)` gives exactly `horizon` finite distributions whose
/// quantiles are ordered; the same input gives the same output.
func checkModelContract<M: ForecastModel>(_ model: M, name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
  let pattern: [Double] = [0, 2, -1, 1]
  var quarterly = [Double]()
  for t in 0..<16 { quarterly.append(10 + 0.3 * Double(t) + pattern[t % 4] + sin(Double(t))) }
  var monthly = [Double]()
  for t in 0..<30 { monthly.append(100 + Double(t % 12) * 2 + cos(Double(t))) }
  let gappy: [Double] = [5, .nan, 7, 6, .nan, .nan, 9, 8, 7, .nan, 10, 9]
  let series: [SeriesInput] = [
    SeriesInput(values: quarterly, period: 4, firstSeason: 2),
    SeriesInput(values: gappy, period: 4),
    SeriesInput(values: [3, 4, 3.5], period: 4, firstSeason: 3),
    SeriesInput(values: Array(repeating: 2.5, count: 8), period: 4),
    SeriesInput(values: [.nan, 4], period: 12, firstSeason: 5),
    SeriesInput(values: monthly, period: 12, firstSeason: 3),
  ]
  for (i, s) in series.enumerated() {
    let fitted: M.Fitted
    do { fitted = try model.fit(s) } catch is ModelError { continue }
    #expect(fitted.fitted.count == s.values.count, "\(name) series \(i): fitted length", sourceLocation: sourceLocation)
    for (v, f) in zip(s.values, fitted.fitted) where v.isNaN {
      #expect(f.isNaN, "\(name) series \(i): fitted value at a gap", sourceLocation: sourceLocation)
    }
    #expect(fitted.forecast(horizon: 0).isEmpty, sourceLocation: sourceLocation)
    let d = fitted.forecast(horizon: 7)
    #expect(d.count == 7, "\(name) series \(i): horizon", sourceLocation: sourceLocation)
    for x in d {
      let q = [0.025, 0.1, 0.5, 0.9, 0.975].map { x.quantile($0) }
      #expect(q.allSatisfy { $0.isFinite } && zip(q, q.dropFirst()).allSatisfy { $0 <= $1 },
              "\(name) series \(i): quantiles \(q)", sourceLocation: sourceLocation)
    }
    #expect(try model.fit(s).forecast(horizon: 7) == d, "\(name) series \(i): deterministic", sourceLocation: sourceLocation)
    #expect(!fitted.label.isEmpty, sourceLocation: sourceLocation)
  }
  #expect(throws: ModelError.noObservations, sourceLocation: sourceLocation) { try model.fit(SeriesInput(values: [.nan, .nan], period: 4)) }
}

@Suite struct ModelContractTests {
  @Test func seasonalRegression() throws { try checkModelContract(SeasonalRegression(), name: "regression") }
  @Test func seasonalRegressionWithPrior() throws {
    try checkModelContract(SeasonalRegression(seasonalPrior: SeasonalPrior(effects: [0, 1, -1, 0.5], weight: 4)), name: "regression+prior")
  }
  @Test func seasonalNaive() throws { try checkModelContract(SeasonalNaive(), name: "snaive") }
  @Test func drift() throws { try checkModelContract(Drift(), name: "drift") }
}
