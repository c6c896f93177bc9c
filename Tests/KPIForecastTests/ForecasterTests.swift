import Testing
import KPIData
import KPIStats
@testable import KPIForecast

@Suite struct ForecasterTests {
  @Test func allMissingSeriesGivesNoRowsAndAWarning() throws {
    let s = KPISeries(key: SeriesKey(indicator: "x"), frequency: .quarterly, start: Period(year: 2023, month: 6),
                      values: [.nan, .nan], unit: .percent)
    let f = try Forecaster.forecast(s, options: ForecastOptions())
    #expect(f.distributions.isEmpty)
    #expect(f.warnings.contains { $0.contains("no observations") })
  }
}
