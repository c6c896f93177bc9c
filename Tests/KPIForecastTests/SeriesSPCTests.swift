import KPIData
import KPIStats
import Testing
@testable import KPIForecast

/// A series' XmR chart: gaps left out, rebased at the catalogue's level shifts, direction from polarity.
@Suite struct SeriesSPCTests {
  @Test func rebasesAtCatalogueLevelShiftsSkipsGapsAndFollowsPolarity() {
    var e = CatalogueEntry(id: "x", title: "X", unit: .count, polarity: .smaller)
    e.levelShifts = ["2023/24 Q1"]   // June 2023
    let values: [Double] = [10, 11, .nan, 10, 12, 30, 31, 29, 30]
    let s = KPISeries(key: SeriesKey(indicator: "x"), frequency: .quarterly, start: Period(year: 2022, month: 3), values: values,
                      unit: .count, polarity: .smaller, entry: e)
    let c = SeriesSPC(series: s)
    #expect(c.periods.count == 8)
    #expect(!c.periods.contains(Period(year: 2022, month: 9)))
    #expect(c.rebases == [Period(year: 2023, month: 6)])
    #expect(c.chart.direction == .decrease)
    let first = c.chart.points.filter { $0.segment == 0 }.map(\.value), second = c.chart.points.filter { $0.segment == 1 }.map(\.value)
    #expect(first == [10, 11, 10, 12] && second == [30, 31, 29, 30])
    #expect(c.chart.points[0].mean == 43.0 / 4 && c.chart.points[7].mean == 30)
    // The same values without the shift form one segment, and the jump is a signal.
    let plain = SeriesSPC(series: KPISeries(key: SeriesKey(indicator: "x"), frequency: .quarterly, start: Period(year: 2022, month: 3),
                                            values: values, unit: .count, polarity: .smaller))
    #expect(plain.rebases.isEmpty && plain.chart.points.contains { $0.type == .specialCauseConcern })
    #expect(c.chart.points.allSatisfy { $0.type == .commonCause })
    #expect(SeriesSPC.direction(.plan) == .neutral && SeriesSPC.direction(nil) == .neutral && SeriesSPC.direction(.bigger) == .increase)
    #expect(c.note?.contains("trial limits") == true)
  }
}
