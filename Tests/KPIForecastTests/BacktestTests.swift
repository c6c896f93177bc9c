import Testing
import KPIData
import KPIStats
@testable import KPIForecast

@Suite struct BacktestTests {
  /// A deterministic seasonal series with a little pseudo-random noise (LCG, fixed seed).
  static func series(_ n: Int, seed: UInt64 = 7) -> [Double] {
    var s = seed
    return (0..<n).map { t in
      s = s &* 6364136223846793005 &+ 1442695040888963407
      let u = Double(s >> 11) / Double(1 << 53) - 0.5
      return 100 + 0.5 * Double(t) + [8.0, -3, 4, -9][t % 4] + 4 * u
    }
  }

  @Test func calibrationReproducesPooledQuantilesAndKeepsThePoint() throws {
    // z = −2, −1.9, …, 2.9 (50 values): the calibrated 0 and 100% points are the pool's extremes.
    let z = (0..<50).map { -2 + 0.1 * Double($0) }
    let c = try #require(IntervalCalibration(errors: z))
    #expect(c.count == 50)
    #expect(abs(c.zQuantiles[0] + 2) < 1e-12 && abs(c.zQuantiles[200] - 2.9) < 1e-12)
    let d = c.distributions(mean: [10], sd: [2])
    // The mean of z (0.45) is removed: the distribution's mean stays 10.
    #expect(abs(d[0].mean - 10) < 1e-9)
    #expect(abs(d[0].quantile(1) - (10 + 2 * (2.9 - 0.45))) < 1e-9)
    #expect(IntervalCalibration(errors: [1, 2, 3]) == nil)
  }

  @Test func innerOriginsNeverReachPastTheTrainingData() {
    #expect(IntervalCalibration.origins(n: 40, horizon: 8, count: 3, minimumTrain: 6) == [32, 30, 28])
    #expect(IntervalCalibration.origins(n: 10, horizon: 8, count: 3, minimumTrain: 6) == [9, 8, 7])
    #expect(IntervalCalibration.origins(n: 5, horizon: 8, count: 3, minimumTrain: 6).isEmpty)
  }

  @Test func autoCombinesMembersByTheMedian() throws {
    let m = ModelInput(input: SeriesInput(values: Self.series(40), period: 4))
    let fit = try ModelChoice.auto.fit(m)
    let auto = fit.forecast(horizon: 4)
    // The fitted auto keeps its members: the same fits forecast alone give the median.
    #expect(fit.members.count == 3)
    let members = try [ModelChoice.ets, .theta, .snaive].map { ModelFit(choice: $0, single: try ModelChoice.fitOrSimplest($0, m).fit).forecast(horizon: 4) }
    for h in 0..<4 {
      var col = members.map { $0.mean[h] }
      #expect(abs(auto.mean[h] - ModelFit.median(&col)) < 1e-9)
    }
    #expect(fit.label.hasPrefix("auto(median: ETS") && !fit.label.contains(","))
    #expect(fit.etsFit != nil)
    // Auto's ETS member is the AICc selection stopped at the member tolerance; `--model ets` is
    // R's setting (its estimates are checked against R in the KPIStats reference tests).
    var loose = ETSSelection(); loose.relativeTolerance = AutoConfiguration.memberETSTolerance
    let member = try loose.fit(m.input), exact = try ETSSelection().fit(m.input)
    #expect(fit.etsFit?.aicc == member.aicc && fit.etsFit?.model == member.model)
    #expect((try ModelChoice.ets.fit(m)).etsFit?.aicc == exact.aicc)
    #expect(member.evaluations < exact.evaluations)
    // Short (10 values): seasonal naive, averaged seasonal naive, Theta.
    let short = try ModelChoice.auto.fit(ModelInput(input: SeriesInput(values: Array(Self.series(10)), period: 4)))
    #expect(short.label.contains("snaive-avg"))
    // Between one and two cycles: the short members too (Tourism cut to 6 and 7 quarters:
    // sMAPE 15.6 / 15.5 against the regression's 34.6 / 37.1, docs/ACCURACY.md).
    let six = try ModelChoice.auto.fit(ModelInput(input: SeriesInput(values: Array(Self.series(6)), period: 4)))
    #expect(six.label.contains("snaive"))
    // Four values or fewer moving one way: follow the last value, with the prior's seasonal shape.
    let prior = try SeasonalPrior(effects: [0, 1, 0, -1], weight: 2)
    let rising = [100.0, 111, 120]   // after the prior's shape: 100, 110, 120
    let withPrior = try ModelChoice.auto.fit(ModelInput(input: SeriesInput(values: rising, period: 4), seasonalPrior: prior))
    #expect(withPrior.label == "naive+prior season")
    let f = withPrior.forecast(horizon: 2)
    // Steps 1, 2 are seasons 3, 0: last value + μ_3 − μ_2 and + μ_0 − μ_2.
    #expect(abs(f.mean[0] - (120 - 1 - 0)) < 1e-12 && abs(f.mean[1] - (120 + 0 - 0)) < 1e-12)
    // Up and down (a seasonal pattern, not a trend): the regime's rule — for one cycle or less the
    // dev-set rule is the seasonal level regression (with the prior's season when there is one).
    let tiny = try ModelChoice.auto.fit(ModelInput(input: SeriesInput(values: Array(Self.series(4)), period: 4)))
    #expect(tiny.label == "auto(regression(level))")
    let withPriorSeasonal = try ModelChoice.auto.fit(ModelInput(input: SeriesInput(values: Array(Self.series(3)), period: 4), seasonalPrior: prior))
    #expect(withPriorSeasonal.label == "auto(regression(level+season))")
  }

  @Test func bandsReachingZeroOnPositiveSeriesCountAsUnusable() throws {
    // Values swinging between 1 and 100: naive's 95% band around the last value (100) has a
    // one-step sd of about 99, so every step reaches below zero. On an all-positive history that
    // counts like a band over 50×; with a zero in the history a band through zero is plausible.
    let swing = (0..<16).map { $0 % 2 == 0 ? 1.0 : 100 }
    var withZero = swing; withZero[2] = 0
    func wide(_ v: [Double]) -> (wide: Int, belowZero: Int) {
      let s = KPISeries(key: SeriesKey(indicator: "k"), frequency: .quarterly, start: Period(year: 2018, month: 6), values: v, unit: .number)
      let options = ForecastOptions(model: .naive)
      let built = BacktestCases.rollingOrigin([s], holdout: 4, origins: 1, options: options)
      let r = Backtest.run(built.cases, options: BacktestOptions(forecast: options))
      let f = Forecaster.run(built.cases.map(\.prepared), options: options).forecasts[0]
      return (r.scores[0].wideBands, f.distributions.filter { $0.interval(level: 95).lower <= 0 }.count)
    }
    #expect(wide(swing) == (4, 4))
    #expect(wide(withZero) == (0, 4))
  }

  @Test func backtestScoresEveryPointAndSummarises() throws {
    let v = Self.series(30)
    let s = KPISeries(key: SeriesKey(indicator: "k"), frequency: .quarterly, start: Period(year: 2018, month: 6), values: v, unit: .number)
    let built = BacktestCases.rollingOrigin([s], holdout: 4, origins: 3, options: ForecastOptions(model: .snaive))
    #expect(built.cases.count == 3)
    #expect(built.cases.map { $0.model.input.values.count } == [26, 25, 24])
    #expect(built.cases[0].actual == Array(v[26..<30]))
    let r = Backtest.run(built.cases, options: BacktestOptions(forecast: ForecastOptions(model: .snaive)))
    #expect(r.overall.points == 12)
    // Seasonal naive's MASE at origin 26 by hand: forecasts v[22..<26], scale from v[0..<26].
    let scale = try #require(AccuracyMeasures.seasonalNaiveScale(Array(v.prefix(26)), period: 4))
    var absErr = 0.0
    for h in 0..<4 { absErr += abs(v[26 + h] - v[22 + h]) }
    let mase0 = absErr / 4 / scale
    #expect(abs(r.scores[0].mase - mase0) < 1e-9)
    #expect(r.overall.coverage.allSatisfy { (0...1).contains($0) })
    // A series too short for three origins gets fewer and a note.
    let short = KPISeries(key: SeriesKey(indicator: "s"), frequency: .quarterly, start: Period(year: 2023, month: 6), values: [1, 2, 3, 4, 5], unit: .number)
    let b2 = BacktestCases.rollingOrigin([short], holdout: 4, origins: 3, options: ForecastOptions())
    #expect(b2.cases.count == 2 && b2.notes.count == 1)
  }

  @Test func benchmarkReaderSplitsTrainAndTest() throws {
    let text = "series_id,period_index,value,split\nA,1,1,train\nA,2,2,train\nA,3,3,test\nB,1,5,train\nB,2,6,test\n"
    let d = try BenchmarkReader.parse(text: text)
    #expect(d.map(\.id) == ["A", "B"])
    #expect(d[0].train == [1, 2] && d[0].test == [3])
    #expect(throws: DataError.self) { try BenchmarkReader.parse(text: "series_id,period_index,value,split\nA,1,abc,train\n") }
    #expect(throws: DataError.self) { try BenchmarkReader.parse(text: "series_id,period_index,value,split\nA,1,1,test\nA,2,2,train\n") }
  }
}
