import Testing
import KPIStats
import KPITestSupport
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

  /// Eight-quarter log-scale series with seeded noise of sd 0.1, one with an outlier (value 3
  /// down by 1.6): a batch of 20 gives a prior; every shrunk scale lies between the series' own
  /// and the prior's centre (a posterior mean of the variance), the outlier's falls by over a
  /// fifth, and the leave-one-out scales are shrunk by the same prior.
  @Test func errorScalesShrinkTowardTheBatch() throws {
    var rng = SplitMix64(seed: 20261205)
    func noise() -> Double { (Double(rng.next() % 10_001) / 10_000 - 0.5) * 0.35 }
    func batch(_ count: Int) -> [ModelInput] {
      (0..<count).map { k in
        var v = (0..<8).map { t in 10 + [0.3, -0.2, 0.1, -0.2][t % 4] + noise() }
        if k == 0 { v[2] -= 1.6 }
        return ModelInput(input: SeriesInput(values: v, period: 4), transform: .log)
      }
    }
    let inputs = batch(20)
    let priors = AutoLearner.scalePriors(inputs)
    let prior = try #require(priors[AutoLearner.ScaleGroup(regime: Regime(period: 4, band: 2), transform: "log")])
    #expect(priors.count == 1 && prior.count == 20)
    let centre = prior.scale.squareRoot()
    for (k, m) in inputs.enumerated() {
      let own = try #require(AutoLearner.errorScale(m))
      let shrunk = try #require(AutoLearner.shrunkScale(m, leavingOut: nil, prior: prior))
      #expect(shrunk >= min(own, centre) - 1e-12 && shrunk <= max(own, centre) + 1e-12, "series \(k)")
      if k == 0 { #expect(shrunk < 0.8 * own, "outlier: own \(own), shrunk \(shrunk)") }
      let left = try #require(AutoLearner.ownScale(m, leavingOut: 5))
      let expected = prior.posterior(variance: left.scale * left.scale, df: AutoLearner.effectiveDegreesOfFreedom(differences: left.differences)).squareRoot()
      #expect(abs(try #require(AutoLearner.shrunkScale(m, leavingOut: 5, prior: prior)) - expected) < 1e-15)
    }
    // Fewer than ten series of a regime and transform: no prior, each series keeps its own scale.
    #expect(AutoLearner.scalePriors(batch(9)).isEmpty)
    // Other transforms are not pooled with these.
    var mixed = inputs
    mixed[3].transform = .logit(lower: 0, upper: 100, epsilon: 0.5)
    #expect(AutoLearner.scalePriors(mixed)[AutoLearner.ScaleGroup(regime: Regime(period: 4, band: 2), transform: "log")]?.count == 19)
  }

  /// Untransformed scales are pooled relative to each series' level, so a series measured in
  /// pence rather than pounds gets exactly 100 times the shrunk scale.
  @Test func untransformedScalesShrinkRelativeToTheLevel() throws {
    var rng = SplitMix64(seed: 11)
    let inputs = (0..<15).map { k in
      ModelInput(input: SeriesInput(values: (0..<6).map { t in 200 + Double(k) + Double(t % 4) * 9 + Double(rng.next() % 21) }, period: 4))
    }
    var pence = inputs
    pence[4].input = SeriesInput(values: inputs[4].input.values.map { $0 * 100 }, period: 4)
    let prior = try #require(AutoLearner.scalePriors(inputs)[AutoLearner.ScaleGroup(regime: Regime(period: 4, band: 2), transform: "none")])
    let penceP = try #require(AutoLearner.scalePriors(pence)[AutoLearner.ScaleGroup(regime: Regime(period: 4, band: 2), transform: "none")])
    #expect(abs(prior.scale - penceP.scale) <= 1e-12 * prior.scale)
    let pounds = try #require(AutoLearner.shrunkScale(inputs[4], leavingOut: nil, prior: prior))
    let inPence = try #require(AutoLearner.shrunkScale(pence[4], leavingOut: nil, prior: penceP))
    #expect(abs(inPence / pounds - 100) < 1e-9)
  }

  /// The effective df of a mean absolute difference against the simulated ones (numpy, four
  /// million draws per k: `notebooks-data/reference/mean_abs_df_reference.py`), to 1%.
  @Test func meanAbsoluteDifferenceDegreesOfFreedomMatchSimulation() throws {
    let rows = try ReferenceData.rows("mean_abs_df_reference.csv")
    #expect(rows.count == 9)
    for r in rows {
      let k = try #require(Int(r["k"] ?? ""))
      let simulated = try #require(ReferenceData.number(r["effective_df"]))
      let got = AutoLearner.effectiveDegreesOfFreedom(differences: k)
      #expect(abs(got / simulated - 1) < 0.01, "k = \(k): \(got), simulated \(simulated)")
    }
    #expect(AutoLearner.effectiveDegreesOfFreedom(differences: 1) == 1)
  }

  /// Seasonal series of one cycle or less are cut down to a single value (at most six origins);
  /// two cycles keep the cut at m + 2 values; non-seasonal short series are unchanged (none
  /// below six values).
  @Test func originsWithinOneCycleReachASingleValue() {
    #expect(AutoLearner.origins(n: 3, period: 4, count: 3) == [2, 1])
    #expect(AutoLearner.origins(n: 4, period: 4, count: 3) == [3, 2, 1])
    #expect(AutoLearner.origins(n: 12, period: 12, count: 3) == [11, 10, 9, 8, 7, 6])
    #expect(AutoLearner.origins(n: 1, period: 4, count: 3).isEmpty)
    #expect(AutoLearner.origins(n: 8, period: 4, count: 3) == [7, 6])
    #expect(AutoLearner.origins(n: 4, period: 1, count: 3).isEmpty)
  }

  /// A scale with no difference of its own (a value left out of two, or one value) is the
  /// prior's centre, relative to the level when untransformed; without a prior there is none.
  /// Within one cycle a series is calibrated only with a prior.
  @Test func noOwnDifferenceTakesThePriorCentre() throws {
    let prior = VariancePrior(scale: 0.04, df: 2.5, count: 12)
    let logged = ModelInput(input: SeriesInput(values: [4.0, 4.5], period: 4), transform: .log)
    #expect(AutoLearner.shrunkScale(logged, leavingOut: 1, prior: nil) == nil)
    #expect(abs(try #require(AutoLearner.shrunkScale(logged, leavingOut: 1, prior: prior)) - 0.2) < 1e-15)
    let raw = ModelInput(input: SeriesInput(values: [40, 60], period: 4))
    // Leaving out 60, the level is 40: 0.2 · 40.
    #expect(abs(try #require(AutoLearner.shrunkScale(raw, leavingOut: 1, prior: prior)) - 8) < 1e-12)
    let regime = Regime(period: 4, observed: 2)
    #expect(AutoLearner.calibrationScale(logged, regime: regime, analyticSD: [1, 1], prior: nil) == nil)
    let scales = try #require(AutoLearner.calibrationScale(logged, regime: regime, analyticSD: [1, 1], prior: prior))
    // One difference of 0.5 on d(1) = 1 df: √((0.25 + 2.5 · 0.04)/3.5).
    #expect(scales.count == 2 && abs(scales[0] - ((0.25 + 0.1) / 3.5).squareRoot()) < 1e-15)
  }
}
