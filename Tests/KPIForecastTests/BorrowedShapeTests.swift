import Testing
import KPIData
import KPIStats
@testable import KPIForecast

/// A short series borrows the seasonal shape its indicator shows in other authorities (a batch
/// with a geography column), and says so; alone it has no shape to borrow.
@Suite struct BorrowedShapeTests {
  /// Shape +6, −2, −6, +2 by quarter around each authority's level, with a little noise.
  static func batch(geography: Bool) -> [KPISeries] {
    let shape = [6.0, -2, -6, 2]
    var out = [KPISeries]()
    for a in 0..<8 {
      let n = a == 0 ? 3 : 16
      let level = 50 + 3 * Double(a)
      var values = [Double]()
      for t in 0..<n {
        let wiggle = 0.3 * Double((t * 7 + a * 3) % 5 - 2)
        values.append(level + shape[t % 4] + wiggle)
      }
      let key = geography ? SeriesKey(indicator: "kpi", geography: "LA \(a)") : SeriesKey(indicator: "kpi LA \(a)")
      out.append(KPISeries(key: key, frequency: .quarterly, start: Period(year: 2020, month: 3), values: values, unit: .number))
    }
    return out
  }

  @Test func shortSeriesCarriesItsIndicatorsShape() throws {
    let options = ForecastOptions(horizon: .steps(4))
    let borrowed = Forecaster.forecastAll(Self.batch(geography: true), options: options)[0]
    #expect(borrowed.warnings.contains { $0.contains("seasonal shape borrowed from 7 other series of kpi") })
    // Three quarters seen (the 1st to 3rd of the shape); the next four are the 4th, 1st, 2nd, 3rd.
    let p = borrowed.distributions.map(\.point)
    #expect(p[1] - p[3] > 0.8 * 12)   // 1st quarter (+6) against the 3rd (−6)
    #expect(p[0] - p[3] > 0.8 * 8)    // 4th (+2) against the 3rd (−6)
    let alone = Forecaster.forecastAll(Self.batch(geography: false), options: options)[0]
    #expect(!alone.warnings.contains { $0.contains("borrowed from") })
    // Three values alone cannot carry a seasonal shape (seasonal terms are dropped), so the two
    // quarters 12 apart in the shared shape are forecast well under half that apart.
    let q = alone.distributions.map(\.point)
    #expect(abs(q[1] - q[3]) < 0.5 * 12)
  }
}
