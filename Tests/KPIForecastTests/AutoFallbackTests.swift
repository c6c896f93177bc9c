import Testing
import KPIData
import KPIStats
@testable import KPIForecast

/// `forecast --model auto` and `backtest` share one fallback regression: under two seasonal cycles
/// it has no trend, while `--model regression` stays R's `lm(y ~ t + factor(q) + shift)`.
@Suite struct AutoFallbackTests {
  @Test func autoFallbackHasNoTrendUnderTwoCyclesButRegressionDoes() throws {
    let s = KPISeries(key: SeriesKey(indicator: "x"), frequency: .quarterly, start: Period(year: 2022, month: 6),
                      values: [10, 12, 11, 13, 20, 21, 22], unit: .number)
    let shift = [Period(year: 2023, month: 6)]
    let auto = try Forecaster.forecast(s, options: ForecastOptions(model: .auto, horizon: .steps(1), levelShifts: shift))
    let lm = try Forecaster.forecast(s, options: ForecastOptions(model: .regression, horizon: .steps(1), levelShifts: shift))
    #expect(auto.model == "regression(level+shift)")
    #expect(lm.model == "regression(level+trend+shift)")
  }
}
