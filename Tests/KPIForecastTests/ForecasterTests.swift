import Testing
import KPIData
import KPIStats
import KPITestSupport
@testable import KPIForecast

@Suite struct ForecasterTests {
  @Test func allMissingSeriesGivesNoRowsAndAWarning() throws {
    let s = KPISeries(key: SeriesKey(indicator: "x"), frequency: .quarterly, start: Period(year: 2023, month: 6),
                      values: [.nan, .nan], unit: .percent)
    let f = try Forecaster.forecast(s, options: ForecastOptions())
    #expect(f.distributions.isEmpty)
    #expect(f.warnings.contains { $0.contains("no observations") })
  }

  /// Forecasting in chunks (as `forecast --format csv` writes a national batch) gives every
  /// series exactly the forecast of one whole-batch run — the rules and calibration are learned
  /// on the whole batch either way — in input order, and keeps only the notes afterwards.
  @Test func chunksGiveTheWholeBatchForecasts() throws {
    var rng = SplitMix64(seed: 7)
    func next() -> Double { Double.random(in: 0..<1, using: &rng) }
    let series = (0..<45).map { k -> KPISeries in
      let n = 3 + (k * 7) % 30
      var values = [Double]()
      for t in 0..<n {
        let season: Double = t % 4 == 2 ? 8 : 0
        values.append(50 + 10 * next() + season + 0.3 * Double(t))
      }
      return KPISeries(key: SeriesKey(indicator: "kpi\(k % 5)", geography: "LA \(k)"), frequency: .quarterly,
                       start: Period(year: 2015, month: 3), values: values, unit: .count)
    }
    let options = ForecastOptions(horizon: .steps(4))
    let whole = Forecaster.forecastAll(series, options: options)
    var parts = [[SeriesForecast]]()
    Forecaster.forecastAll(series, options: options, chunk: 7, each: { $0 }) { parts.append($0) }
    let kept = parts.flatMap { $0.map(\.stripped) }
    #expect(parts.map(\.count) == [7, 7, 7, 7, 7, 7, 3])
    let chunked = parts.flatMap { $0 }
    #expect(chunked.count == whole.count)
    for (a, b) in zip(chunked, whole) {
      #expect(a.series.key == b.series.key)
      #expect(a.model == b.model)
      #expect(a.periods == b.periods)
      for (x, y) in zip(a.distributions, b.distributions) {
        let (xl, xh) = x.interval(level: 95), (yl, yh) = y.interval(level: 95)
        #expect(x.point == y.point)
        #expect(xl == yl && xh == yh)
      }
    }
    #expect(kept.count == whole.count && kept.allSatisfy { $0.distributions.isEmpty && $0.series.values.isEmpty })
    #expect(zip(kept, whole).allSatisfy { $0.warnings == $1.warnings })
  }

  /// Three-quarter counts (not monotone, so auto's rule applies): forty of them calibrate their
  /// bands on rolling origins down to one value, with every scale shrunk toward the batch's, and
  /// say so; five of them are too few for a scale prior and keep the borrowed Student-t band.
  @Test func threeQuarterBatchesAreCalibratedWhenTheBatchGivesAPrior() throws {
    var rng = SplitMix64(seed: 20261205)
    func series(_ count: Int) -> [KPISeries] {
      (0..<count).map { k in
        let base = 40 + Double(k)
        let wiggle = Double(rng.next() % 1000) / 1000
        return KPISeries(key: SeriesKey(indicator: "kpi\(k)"), frequency: .quarterly, start: Period(year: 2024, month: 6),
                         values: [base, base * (1.3 + 0.4 * wiggle), base * 1.1], unit: .count)
      }
    }
    let options = ForecastOptions(horizon: .steps(4))
    let batch = Forecaster.forecastAll(series(40), options: options)
    #expect(batch.count == 40)
    for f in batch {
      #expect(f.warnings.contains { $0.contains("its intervals calibrated on") && $0.contains("error scale shrunk toward its batch's (40 series on the log scale, ") },
              "\(f.series.key): \(f.warnings)")
      #expect(f.warnings.contains { $0.hasPrefix("intervals calibrated") })
      #expect(!f.warnings.contains { $0.contains("cannot size a band alone") })
      for d in f.distributions {
        let (lo, hi) = d.interval(level: 95)
        #expect(lo > 0 && hi > lo && hi / lo < 50, "\(f.series.key): \(lo)–\(hi)")
      }
    }
    // Five quarters: two cycles or less, where no origin leaves the m + 2 values the rule's
    // members need, so no series gives an error and the note says so.
    let five = (0..<12).map { k in
      KPISeries(key: SeriesKey(indicator: "q\(k)"), frequency: .quarterly, start: Period(year: 2024, month: 6),
                values: [40, 52, 44, 47, 41].map { $0 + Double(k) }, unit: .count)
    }
    for f in Forecaster.forecastAll(five, options: options) {
      #expect(f.warnings.contains("intervals analytic (no series of the regime is long enough for a rolling-origin forecast)"), "\(f.warnings)")
    }
    let few = Forecaster.forecastAll(series(5), options: options)
    for f in few {
      #expect(f.warnings.contains { $0.contains("cannot size a band alone") }, "\(f.series.key): \(f.warnings)")
      // Five three-quarter series: no series of 8+ values to borrow a spread from, and the note says
      // so; 2 own changes + 3 pseudo-changes (SpreadFloor.priorChanges) give 5 df.
      #expect(f.warnings.contains { $0.contains("shrunk toward the documented default for its scale (Student-t, 5 df): the run has fewer than 3 series of 8+ values on this frequency and scale to borrow from") })
      #expect(!f.warnings.contains { $0.hasPrefix("intervals calibrated") })
      #expect(f.warnings.contains { $0 == "intervals analytic (a series of one cycle is calibrated only among 10+ series on its scale)" })
      #expect(!f.warnings.contains { $0.contains("its intervals calibrated on") }, "\(f.series.key): \(f.warnings)")
    }
  }
}
