import Foundation
import KPITestSupport
import Testing
@testable import KPIStats

/// `Drift` and `SeasonalNaive` against forecast 8.20's `rwf(drift = TRUE)` and `snaive()`
/// (`notebooks-data/reference/naive_reference.R`): means and 80%/95% bounds to 1e-9 relative.
@Suite struct NaiveReferenceTests {
  @Test(arguments: ["drift", "snaive"])
  func matchesRForecast(model: String) throws {
    let series = try ReferenceData.rows("naive_series.csv").filter { $0["series"] == "\(model)_series" }
    let ref = try ReferenceData.rows("naive_reference.csv").filter { $0["model"] == model }
    try #require(!series.isEmpty && !ref.isEmpty)
    let input = SeriesInput(values: series.compactMap { ReferenceData.number($0["value"]) },
                            period: Int(series[0]["period_m"] ?? "") ?? 1, firstSeason: Int(series[0]["first_season"] ?? "") ?? 0)
    let dists = model == "drift" ? try Drift().fit(input).forecast(horizon: ref.count) : try SeasonalNaive().fit(input).forecast(horizon: ref.count)
    var worst = 0.0
    for (d, r) in zip(dists, ref) {
      let got = ["mean": d.mean, "lo80": d.quantile(0.1), "hi80": d.quantile(0.9), "lo95": d.quantile(0.025), "hi95": d.quantile(0.975)]
      for (k, v) in got {
        let w = try #require(ReferenceData.number(r[k]))
        #expect(close(v, w, relative: 1e-9), "\(model) h=\(r["h"] ?? "") \(k): \(v) vs R \(w)")
        worst = max(worst, relativeDeviation(v, w))
      }
    }
    print("reference \(model): max deviation \(worst)")
  }

  @Test func seasonalNaiveFillsAMissingLagFromTheSameSeason() throws {
    // Season 1's latest value is missing; the one a year earlier is used.
    let f = try SeasonalNaive().fit(SeriesInput(values: [1, 10, 3, 4, 2, .nan, 5, 6], period: 4))
    #expect(f.forecast(horizon: 4).map(\.mean) == [2, 10, 5, 6])
  }

  @Test func seasonalNaiveSaysWhenASeasonWasNeverObserved() throws {
    let f = try SeasonalNaive().fit(SeriesInput(values: [1, .nan, 3, 4, 2, .nan, 5, 6], period: 4))
    #expect(f.forecast(horizon: 2).map(\.mean) == [2, 6])
    #expect(f.warnings.contains { $0.contains("never observed") })
  }

  @Test func seasonalNaiveWithLessThanACycleFallsBackToNaiveAndSaysSo() throws {
    let f = try SeasonalNaive().fit(SeriesInput(values: [3, 5, 4], period: 4))
    #expect(f.label == "naive")
    #expect(f.warnings.contains { $0.contains("naive (last value)") })
    #expect(f.forecast(horizon: 2).map(\.mean) == [4, 4])
  }

  @Test func driftWithTwoObservationsHasZeroWidthAndAWarning() throws {
    let f = try Drift().fit(SeriesInput(values: [2, 4], period: 4))
    #expect(f.forecast(horizon: 2) == [.normal(mean: 6, sd: 0), .normal(mean: 8, sd: 0)])
    #expect(f.warnings.contains { $0.contains("fewer than three") })
  }
}
