import Testing
import KPIStats
@testable import KPIForecast

@Suite struct AutoLearnerTests {
  /// 1, 2, 3, 4, 3, 6, 3, 8 by quarter: seasonal differences 2, 4, 0, 4 (scale 10/4 = 2.5). Left
  /// out, value 5 (in one difference, 6 − 2) leaves (2 + 0 + 4)/3 = 2; value 1 is in the same
  /// difference, so 2 as well; value 6 (3 − 3) leaves 10/3; value 0 (3 − 1) leaves 8/3.
  @Test func errorScaleLeavesTheScoredValueOut() throws {
    let m = ModelInput(input: SeriesInput(values: [1, 2, 3, 4, 3, 6, 3, 8], period: 4))
    #expect(try #require(AutoLearner.errorScale(m)) == 2.5)
    for (t, want) in [(5, 2.0), (1, 2.0), (6, 10.0 / 3), (0, 8.0 / 3)] {
      let s = try #require(AutoLearner.errorScale(m, leavingOut: t))
      #expect(abs(s - want) < 1e-12, "t = \(t)")
    }
    // A series with one difference has none left without it.
    let short = ModelInput(input: SeriesInput(values: [1, 2, 3, 4, 5], period: 4))
    #expect(AutoLearner.errorScale(short, leavingOut: 4) == nil)
  }
}
