import Testing
import KPIStats
@testable import KPIForecast

@Suite struct AutoLearnerTests {
  /// The scoring loop's combination without arrays equals the general one (sorted type-7
  /// median, mean summed in order) for one, two and three members, on random values and on
  /// non-finite ones (which the loop skips either way).
  @Test func combinationWithoutArraysEqualsTheGeneralOne() {
    var rng = SplitMix64(seed: 20261205)
    func draw() -> Double { Double(rng.next() % 2001) / 10 - 100 }
    for trial in 0..<300 {
      var mean = (0..<6).map { _ in (0..<3).map { _ in draw() } }
      let sd = (0..<6).map { _ in (0..<3).map { _ in abs(draw()) } }
      if trial % 50 == 0 { mean[1][2] = .infinity; mean[2][2] = .nan }
      let o = AutoLearner.OriginForecast(selects: true, actual: [0, 0, 0], mean: mean, sd: sd)
      for members in [[0], [1, 3], [0, 2, 4], [1, 2, 5], [0, 1, 2, 3]] {
        for median in [true, false] where !(members.count == 2 && median) {
          for h in 0..<3 {
            guard let (c, s) = AutoLearner.combine(members: members, median: median, o, step: h) else { Issue.record("nil"); continue }
            let points = members.map { mean[$0][h] }
            let expected = median ? SampleQuantile.median(points) : points.reduce(0, +) / Double(points.count)
            let spread = members.reduce(0.0) { $0 + sd[$1][h] } / Double(members.count)
            #expect(c.isFinite == expected.isFinite)
            if expected.isFinite { #expect(c == expected) }
            #expect(s == spread)
          }
        }
      }
    }
    // A member without the step gives nothing.
    let short = AutoLearner.OriginForecast(selects: true, actual: [0, 0], mean: [[1, 2], [3]], sd: [[1, 1], [1]])
    #expect(AutoLearner.combine(members: [0, 1], median: false, short, step: 1) == nil)
  }

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
