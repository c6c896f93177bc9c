import Foundation
import Testing
import KPIData
import KPIStats
@testable import KPIForecast
@testable import KPIPlanning

func quarterlySeries(_ id: String, start: Period, values: [Double], unit: KPIUnit = .count, polarity: Polarity = .smaller,
                     basis: ReportingBasis? = nil, target: Double? = nil, level: Double? = nil, year: String = "2023/24") -> KPISeries {
  var e = CatalogueEntry(id: id, title: id, unit: unit, polarity: polarity, basis: basis)
  if let target { e.targets = [year: target] }
  if let level { e.interventionLevels = [year: level] }
  return KPISeries(key: SeriesKey(indicator: id), frequency: .quarterly, start: start, values: values, unit: unit, unitSource: "catalogue",
                   polarity: polarity, entry: e)
}

@Suite struct ThresholdTests {
  /// P(meet) and P(worse) from the CDF against a brute-force count of seeded normal draws.
  @Test func probabilitiesMatchBruteForceSimulation() {
    let d = ForecastDistribution(base: .normal(mean: 20, sd: 3))
    var g = SeededGenerator(seed: 42)
    let draws = (0..<200_000).map { _ in 20 + 3 * g.normal() }
    for pol in [Polarity.bigger, .smaller, .plan] {
      let th = Thresholds(target: 21.5, interventionLevel: pol == .bigger ? 17 : 25, polarity: pol)
      let meet = th.probabilityOfMeeting(cdf: d.cdf)!, worse = th.probabilityWorseThanIntervention(cdf: d.cdf)!
      let bfMeet: Double, bfWorse: Double
      switch pol {
      case .bigger: bfMeet = frac(draws) { $0 >= 21.5 }; bfWorse = frac(draws) { $0 < 17 }
      case .smaller: bfMeet = frac(draws) { $0 <= 21.5 }; bfWorse = frac(draws) { $0 > 25 }
      case .plan: bfMeet = frac(draws) { abs($0 - 21.5) <= 1.75 }; bfWorse = frac(draws) { abs($0 - 21.5) > 3.5 }
      }
      // 200,000 draws: binomial sd ≤ 0.0012, so 0.005 is about 4 sd.
      #expect(abs(meet - bfMeet) < 0.005, "\(pol) meet \(meet) vs \(bfMeet)")
      #expect(abs(worse - bfWorse) < 0.005, "\(pol) worse \(worse) vs \(bfWorse)")
    }
  }

  @Test func statusIsTwoSidedForPlanIsBest() {
    let th = Thresholds(target: 100, interventionLevel: 110, polarity: .plan)
    #expect(th.status(of: 104) == .green)
    #expect(th.status(of: 93) == .amber)
    #expect(th.status(of: 89) == .red)
    #expect(th.status(of: 111) == .red)
    let s = Thresholds(target: 21.5, interventionLevel: 25, polarity: .smaller)
    #expect(s.status(of: 19.8) == .green && s.status(of: 23) == .amber && s.status(of: 26) == .red)
  }

  /// Without a published level, ▲ is more than the margin (a fraction of the target) worse; a
  /// published level wins over the margin; Plan is Best has no derived level.
  @Test func significantlyWorseWithoutAPublishedLevelUsesTheMargin() {
    let b = Thresholds(target: 85, interventionLevel: nil, polarity: .bigger, significantMargin: 0.1)
    #expect(b.redLevel == 76.5 && b.redLevelIsDerived)   // by hand: 85 − 0.1 × 85
    #expect(b.status(of: 77) == .amber && b.status(of: 76) == .red && b.status(of: 85) == .green)
    #expect(b.probabilityWorseThanIntervention(cdf: { _ in 0.5 }) == nil)
    let sm = Thresholds(target: 1.6, interventionLevel: nil, polarity: .smaller, significantMargin: 0.1)
    #expect(sm.status(of: 1.7) == .amber && sm.status(of: 2.2) == .red)
    let published = Thresholds(target: 85, interventionLevel: 60, polarity: .bigger, significantMargin: 0.1)
    #expect(published.status(of: 70) == .amber && !published.redLevelIsDerived)
    #expect(Thresholds(target: 100, interventionLevel: nil, polarity: .plan, significantMargin: 0.1).redLevel == nil)
    #expect(Thresholds(target: 85, interventionLevel: nil, polarity: .bigger).status(of: 10) == .amber)
  }

  /// No 0% or 100% as fact: a distribution with no mass past the target still reports 0.1%,
  /// unless the KPI is declared fixed.
  @Test func probabilitiesAreNeverCertainUnlessFixed() {
    let cdf: (Double) -> Double = { $0 < 50 ? 0 : 1 }   // all mass at 50
    let th = Thresholds(target: 60, interventionLevel: 40, polarity: .bigger)
    #expect(th.probabilityOfMeeting(cdf: cdf) == Thresholds.probabilityFloor)
    #expect(th.probabilityWorseThanIntervention(cdf: cdf) == Thresholds.probabilityFloor)
    let fixed = Thresholds(target: 60, interventionLevel: 40, polarity: .bigger, fixed: true)
    #expect(fixed.probabilityOfMeeting(cdf: cdf) == 0)
    #expect(Thresholds(target: 45, interventionLevel: 40, polarity: .bigger).probabilityOfMeeting(cdf: cdf) == 1 - Thresholds.probabilityFloor)
  }

  /// The catalogue's `significant_margin` overrides the 10% default for that KPI.
  @Test func catalogueMarginOverridesTheDefault() throws {
    var s = quarterlySeries("visits", start: Period(year: 2023, month: 6), values: [80, 80, 80, 80], unit: .percent, polarity: .bigger,
                            target: 85)
    #expect(YearEndCalculator.thresholds(for: s, yearLabel: "2023/24")?.status(of: 80) == .amber)
    s.entry?.significantMargin = 0.05
    #expect(YearEndCalculator.thresholds(for: s, yearLabel: "2023/24")?.status(of: 80) == .red)
    let o = try #require(YearEndCalculator.actualOutlook(s, yearEnd: Period(year: 2024, month: 3)))
    #expect(o.actual == 80 && o.status == .red && o.probabilityOfMeetingTarget == nil)
    #expect(o.warnings.contains { $0.contains("no intervention level published") })
  }
}

func frac(_ xs: [Double], _ f: (Double) -> Bool) -> Double { Double(xs.filter(f).count) / Double(xs.count) }

@Suite struct YearEndTests {
  /// Seed 003, Number of Suspensions 2023/24: Jun-23 2,220, Sep-23 1,385, Dec-23 2,788, Mar-24 2,157.
  /// By hand: Q1–Q3 = 2,220 + 1,385 + 2,788 = 6,393; with Q4 = 2,157 the year-to-date outturn is 8,550.
  @Test func yearToDateIsTheSumOfTheFourQuartersFromTheSeed() throws {
    let s = quarterlySeries("suspensions", start: Period(year: 2023, month: 6), values: [2220, 1385, 2788], basis: .yearToDate,
                            target: 8000, level: 9000)
    let f = SeriesForecast(series: s, periods: [Period(year: 2024, month: 3)], distributions: [ForecastDistribution(base: .normal(mean: 2157, sd: 0))],
                           model: "test", transform: .none, warnings: [])
    let o = try #require(YearEndCalculator.outlook(f))
    #expect(o.aggregation.observedSum == 6393)
    #expect(o.point == 8550)
    #expect(o.status == .amber)
    // With a spread on Q4, P(meet 8,000) = P(Q4 ≤ 1,607) exactly.
    let f2 = SeriesForecast(series: s, periods: f.periods, distributions: [ForecastDistribution(base: .normal(mean: 2157, sd: 300))],
                            model: "test", transform: .none, warnings: [])
    let o2 = try #require(YearEndCalculator.outlook(f2))
    #expect(abs(o2.probabilityOfMeetingTarget! - SpecialFunctions.normalCDF((1607 - 2157) / 300.0)) < 1e-12)
  }

  /// Two quarters left: the sum of independent normals is N(m1+m2, s1²+s2²) in closed form.
  @Test func simulatedSumMatchesClosedForm() throws {
    let s = quarterlySeries("suspensions", start: Period(year: 2023, month: 6), values: [2220, 1385], basis: .yearToDate, target: 8000, level: 9000)
    let f = SeriesForecast(series: s, periods: [Period(year: 2023, month: 12), Period(year: 2024, month: 3)],
                           distributions: [ForecastDistribution(base: .normal(mean: 2700, sd: 400)), ForecastDistribution(base: .normal(mean: 2150, sd: 300))],
                           model: "test", transform: .none, warnings: [])
    let o = try #require(YearEndCalculator.outlook(f, options: YearEndOptions(draws: 100_000, seed: 7)))
    let mean = 2220.0 + 1385 + 2700 + 2150, sd = (400.0 * 400 + 300 * 300).squareRoot()
    #expect(abs(o.probabilityOfMeetingTarget! - SpecialFunctions.normalCDF((8000 - mean) / sd)) < 0.006)
    #expect(abs(o.probabilityWorseThanIntervention! - (1 - SpecialFunctions.normalCDF((9000 - mean) / sd))) < 0.006)
    #expect(abs(o.point - mean) < 10)
    // Not the sum of interval bounds: the 95% upper bound is below the sum of the steps' bounds.
    let sumOfBounds = 2220.0 + 1385 + f.distributions[0].interval(level: 95).upper + f.distributions[1].interval(level: 95).upper
    #expect(o.interval(level: 95).upper < sumOfBounds - 100)
  }

  @Test func reasonNamesTheSeasonalSpikeFromTheCataloguePrior() throws {
    var s = quarterlySeries("neet", start: Period(year: 2022, month: 6), values: [3.0, 6.5], unit: .percent, polarity: .smaller)
    s.entry?.seasonalPrior = SeasonalPriorSpec(effects: [-0.5, 3.0, -1.0, -1.5], weight: 4, evidence: "NEET/not-known spikes at the end of September")
    s.entry?.comparators = ["South West": ["2021/22": 5.5]]
    let f = SeriesForecast(series: s, periods: [Period(year: 2022, month: 12), Period(year: 2023, month: 3)],
                           distributions: [ForecastDistribution(base: .normal(mean: 4, sd: 0.5)), ForecastDistribution(base: .normal(mean: 3.5, sd: 0.5))],
                           model: "test", transform: .none, warnings: [])
    let o = try #require(YearEndCalculator.outlook(f))
    #expect(o.reason.contains("usual Q2 (Jul–Sep) rise"))
    #expect(o.reason.contains("September"))
    // 6.5% against the South West's 5.5%, smaller is better.
    #expect(o.reason.contains("Worse than South West (5.5%, 2021/22)"))
  }
}

@Suite struct TargetTests {
  @Test func probabilityRuleGivesThatProbability() {
    let d = YearEndDistribution.affine(ForecastDistribution(base: .normal(mean: 30, sd: 4)), shift: 0, scale: 1)
    for pol in [Polarity.bigger, .smaller] {
      let ev = TargetEvidence(baseline: d, baselineMethod: "test", polarity: pol)
      let p = TargetProposer.propose(key: SeriesKey(indicator: "x"), unit: .percent, yearLabel: "2025/26", evidence: ev,
                                     options: TargetOptions(probability: 0.35))
      #expect(abs(p.probabilityOfMeetingTarget! - 0.35) < 1e-9)
      #expect(abs(p.probabilityWorseThanIntervention! - 0.10) < 1e-9)
      // Closed form: the intervention level is the 10% worse-side normal quantile.
      let z = SpecialFunctions.normalQuantile(0.9)
      #expect(abs(p.proposedInterventionLevel - (pol == .bigger ? 30 - 4 * z : 30 + 4 * z)) < 1e-9)
    }
  }

  @Test func defaultRuleReachesForALaggedComparator() {
    let d = YearEndDistribution.affine(ForecastDistribution(base: .normal(mean: 30, sd: 4)), shift: 0, scale: 1)
    // The 40% stretch is 30 − 4·z(0.6) = 28.99; a comparator at 28.5 is met with P = Φ(−0.375) = 35% ≥ 30%.
    let near = ComparatorValue(name: "statistical neighbours", year: "2024/25", value: 28.5)
    let ev = TargetEvidence(baseline: d, baselineMethod: "test", relevantComparator: near, comparators: [near], polarity: .smaller)
    let p = TargetProposer.propose(key: SeriesKey(indicator: "x"), unit: .percent, yearLabel: "2025/26", evidence: ev, options: TargetOptions())
    #expect(p.proposedTarget == 28.5)
    #expect(abs(p.probabilityOfMeetingTarget! - SpecialFunctions.normalCDF(-0.375)) < 1e-12)
    // A comparator the authority already beats leaves the stretch target.
    let behind = ComparatorValue(name: "England", year: "2024/25", value: 35)
    let ev3 = TargetEvidence(baseline: d, baselineMethod: "test", relevantComparator: behind, comparators: [behind], polarity: .smaller)
    let p3 = TargetProposer.propose(key: SeriesKey(indicator: "x"), unit: .percent, yearLabel: "2025/26", evidence: ev3, options: TargetOptions())
    #expect(abs(p3.probabilityOfMeetingTarget! - 0.40) < 1e-9)
    let far = ComparatorValue(name: "statistical neighbours", year: "2024/25", value: 20)
    let ev2 = TargetEvidence(baseline: d, baselineMethod: "test", relevantComparator: far, comparators: [far], polarity: .smaller)
    let p2 = TargetProposer.propose(key: SeriesKey(indicator: "x"), unit: .percent, yearLabel: "2025/26", evidence: ev2, options: TargetOptions())
    #expect(abs(p2.probabilityOfMeetingTarget! - 0.30) < 1e-9)
    #expect(p2.rationale.contains("of the gap"))
  }

  /// The pooled model against scripts/calibrate_targets.py (numpy IRLS Huber fit over lstsq +
  /// the same mixture quantile) on DfE LAIT CareLeaversNEET for 2024/25; reference in notebooks-data/reference.
  @Test func pooledModelMatchesPythonReference() throws {
    let root = repoRoot()
    let data = try sharedData("dfe/lait_childrens_kpis_long.csv")
    let text = try String(contentsOf: data, encoding: .utf8)
    var panel = [String: [Int: Double]]()
    for line in text.split(whereSeparator: \.isNewline).dropFirst() where line.hasPrefix("CareLeaversNEET,") && line.contains(",Local authority,") {
      let f = parseCSVLine(String(line))
      guard f.count >= 8, let v = Double(f[6]), let p = Period.parse(f[1]) else { continue }
      panel[f[3], default: [:]][p.period.year] = v
    }
    let pred = PooledAnnualModel(panel: panel).predict(year: 2025)
    let ref = try String(contentsOf: root.appendingPathComponent("notebooks-data/reference/pooled_annual_quantiles.csv"), encoding: .utf8)
    var checked = 0
    for line in ref.split(whereSeparator: \.isNewline).dropFirst() {
      let f = parseCSVLine(String(line))
      let d = try #require(pred[f[1]], "no prediction for \(f[1])")
      for (k, p) in [0.1, 0.5, 0.9].enumerated() {
        let want = try #require(Double(f[3 + k]))
        #expect(abs(d.quantile(p) - want) < 1e-6 * max(1, abs(want)), "\(f[1]) q\(p)")
      }
      checked += 1
    }
    #expect(checked > 100)
    #expect(checked == pred.count)
  }
}

/// The repository root, from this file's path.
func repoRoot() -> URL {
  URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// A file of the shared reference data: `<repo root>/../shared/data` (CI), or two levels up
/// for a git worktree under `wt/`. Fails (does not skip) when absent.
func sharedData(_ relative: String) throws -> URL {
  let root = repoRoot()
  for base in [root.deletingLastPathComponent(), root.deletingLastPathComponent().deletingLastPathComponent()] {
    let u = base.appendingPathComponent("shared/data").appendingPathComponent(relative)
    if FileManager.default.fileExists(atPath: u.path) { return u }
  }
  throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "../shared/data/" + relative])
}

/// Minimal CSV line split with quotes (test helper).
func parseCSVLine(_ s: String) -> [String] {
  var out = [String](), cur = "", quoted = false
  var it = Array(s), i = 0
  while i < it.count {
    let c = it[i]
    if quoted {
      if c == "\"" { if i + 1 < it.count && it[i + 1] == "\"" { cur.append("\""); i += 1 } else { quoted = false } } else { cur.append(c) }
    } else if c == "\"" { quoted = true } else if c == "," { out.append(cur); cur = "" } else { cur.append(c) }
    i += 1
  }
  out.append(cur)
  it.removeAll()
  return out
}

@Suite struct DemandTests {
  /// w(L, 0) = L − L²/2 for L ≤ 1 (arrivals uniform over the year); over all years w sums to L.
  @Test func occupancyWeightsClosedForm() {
    for L in [0.25, 0.5, 1.0] { #expect(abs(APDemandModel.occupancyWeight(stay: L, yearOffset: 0) - (L - L * L / 2)) < 1e-12) }
    for L in [0.5, 1.0, 1.5, 2.5] {
      let total = (0..<5).reduce(0.0) { $0 + APDemandModel.occupancyWeight(stay: L, yearOffset: $1) }
      #expect(abs(total - L) < 1e-12)
    }
  }

  /// With exclusions fixed at 100 (a point-mass forecast), places are 100 × 0.8 × w(1, 0) = 40
  /// and cost quantiles are 40 × the uniform(20k, 50k) quantiles: 40 × 23,000, 35,000, 47,000.
  @Test func monteCarloQuantilesMatchClosedForm() {
    let s = quarterlySeries("permanent-exclusions", start: Period(year: 2023, month: 6), values: [25], basis: .yearToDate)
    let periods = [Period(year: 2023, month: 9), Period(year: 2023, month: 12), Period(year: 2024, month: 3)]
    let f = SeriesForecast(series: s, periods: periods, distributions: Array(repeating: ForecastDistribution(base: .normal(mean: 25, sd: 0)), count: 3),
                           model: "test", transform: .none, warnings: [])
    let (r, _) = APDemandRunner.run(inputs: [ExclusionInput(forecast: f, multiplier: 1, description: "")], years: 1, scenarios: [],
                                    parameters: APDemandParameters(shareToAP: 0.8), draws: 100_000, seed: 3)
    #expect(r.count == 1)
    #expect(r[0].exclusionsMedian == 100)
    #expect(r[0].places.allSatisfy { abs($0 - 40) < 1e-9 })
    for (got, q) in zip(r[0].cost, [0.1, 0.5, 0.9]) { #expect(abs(got / (40 * (20_000 + 30_000 * q)) - 1) < 0.01) }
  }
}

@Suite struct ScenarioTests {
  @Test func rampReachesFullEffect() {
    let e = Scenario.Effect(indicator: "x", change: -3, from: Period(year: 2024, month: 9), ramp: 2)
    #expect(e.apply(20, at: Period(year: 2024, month: 6), monthsPerStep: 3) == 20)
    #expect(e.apply(20, at: Period(year: 2024, month: 9), monthsPerStep: 3) == 18.5)
    #expect(e.apply(20, at: Period(year: 2024, month: 12), monthsPerStep: 3) == 17)
  }

  @Test func badScenarioNamesTheScenario() {
    #expect(throws: DataError.self) { try ScenarioFile.parse(text: "scenarios:\n  - name: A\n    effects:\n      - {indicator: x, change: 1, from: soon}\n") }
    do { _ = try ScenarioFile.parse(text: "scenarios:\n  - name: A\n    effects:\n      - {indicator: x, change: 1, from: soon}\n") } catch {
      #expect("\(error)".contains("scenario 'A'"))
      #expect("\(error)".contains("soon"))
    }
  }

  /// A −3 point effect in force for the whole forecast moves the outturn by exactly −3 on the
  /// same random numbers (common random numbers).
  @Test func effectShiftsOutturnExactly() throws {
    let s = quarterlySeries("rr", start: Period(year: 2024, month: 3), values: [20], unit: .number, polarity: .smaller)
    let periods = [Period(year: 2024, month: 6), Period(year: 2024, month: 9), Period(year: 2024, month: 12), Period(year: 2025, month: 3)]
    let f = SeriesForecast(series: s, periods: periods, distributions: Array(repeating: ForecastDistribution(base: .normal(mean: 20, sd: 2)), count: 4),
                           model: "test", transform: .none, warnings: [])
    let sc = Scenario(name: "cut", effects: [Scenario.Effect(indicator: "rr", change: -3, from: Period(year: 2024, month: 6))])
    let (res, _) = ScenarioRunner.run([f], scenarios: [sc], options: YearEndOptions(draws: 5_000, seed: 9))
    #expect(res.count == 2)
    #expect(abs(res[1].differenceFromBaseline + 3) < 1e-9)
  }

  /// What was applied reads as the table's other figures do: a true minus sign, for relative
  /// effects as for point changes.
  @Test func appliedEffectsUseTheMinusSign() throws {
    let s = quarterlySeries("rr", start: Period(year: 2024, month: 3), values: [20], unit: .number, polarity: .smaller)
    let periods = [Period(year: 2024, month: 6), Period(year: 2024, month: 9), Period(year: 2024, month: 12), Period(year: 2025, month: 3)]
    let f = SeriesForecast(series: s, periods: periods, distributions: Array(repeating: ForecastDistribution(base: .normal(mean: 20, sd: 2)), count: 4),
                           model: "test", transform: .none, warnings: [])
    let sc = [Scenario(name: "rel", effects: [Scenario.Effect(indicator: "rr", relative: -0.2, from: Period(year: 2024, month: 6), ramp: 3)]),
              Scenario(name: "up", effects: [Scenario.Effect(indicator: "rr", relative: 0.1, from: Period(year: 2024, month: 6))])]
    let (res, _) = ScenarioRunner.run([f], scenarios: sc, options: YearEndOptions(draws: 1_000, seed: 9))
    #expect(res.first { $0.scenario == "rel" }?.applied == "−20% from 2024-06 over 3 periods")
    #expect(res.first { $0.scenario == "up" }?.applied == "+10% from 2024-06")
  }
}

@Suite struct CarryForwardTests {
  @Test func latestEarlierTargetIsCarriedForwardWithANote() throws {
    let s = quarterlySeries("rr", start: Period(year: 2024, month: 3), values: [20], unit: .percent, polarity: .smaller,
                            target: 21.5, level: 25, year: "2023/24")
    let (th, note) = YearEndCalculator.thresholdsWithNote(for: s, yearLabel: "2024/25")
    #expect(th?.target == 21.5 && th?.interventionLevel == 25)
    #expect(note?.contains("2023/24") == true)
    // A year before any target gets none.
    #expect(YearEndCalculator.thresholds(for: s, yearLabel: "2022/23")?.target == nil)
  }
}

@Suite struct IndependentProbabilityTests {
  /// Scenario P(meet): a −3 effect on a Normal(20, 2) March value gives Normal(17, 2), so
  /// P(Y ≤ 18) = Φ(0.5) in closed form.
  @Test func scenarioProbabilityMatchesClosedForm() throws {
    let s = quarterlySeries("rr", start: Period(year: 2024, month: 12), values: [20], unit: .number, polarity: .smaller,
                            basis: .snapshot, target: 18, level: 22, year: "2024/25")
    let f = SeriesForecast(series: s, periods: [Period(year: 2025, month: 3)], distributions: [ForecastDistribution(base: .normal(mean: 20, sd: 2))],
                           model: "test", transform: .none, warnings: [])
    let sc = Scenario(name: "cut", effects: [Scenario.Effect(indicator: "rr", change: -3, from: Period(year: 2025, month: 3))])
    let (res, _) = ScenarioRunner.run([f], scenarios: [sc], options: YearEndOptions(draws: 100_000, seed: 11))
    let p = try #require(res.first { $0.scenario == "cut" }?.probabilityOfMeetingTarget)
    #expect(abs(p - SpecialFunctions.normalCDF(0.5)) < 0.006)
    let p0 = try #require(res.first { $0.scenario == "baseline" }?.probabilityOfMeetingTarget)
    #expect(abs(p0 - SpecialFunctions.normalCDF(-1)) < 0.006)
  }

  /// The pooled model's mixture CDF and quantiles against brute-force draws of
  /// centre + N(0, sd²) + scale·E, E resampled from the standardised residuals.
  @Test func mixtureMatchesBruteForce() {
    var g = SeededGenerator(seed: 5)
    let e = (0..<300).map { _ in g.normal() * (g.uniform() < 0.2 ? 2.5 : 1) }   // heavy-tailed residuals
    let d = YearEndDistribution.pooled(centre: 30, shockSD: 1.5, scale: 2, residuals: e)
    let draws = (0..<200_000).map { _ in 30 + 1.5 * g.normal() + 2 * e[Int(g.uniform() * Double(e.count))] }.sorted()
    for y in [24.0, 28, 30, 33, 37] {
      #expect(abs(d.cdf(y) - frac(draws) { $0 <= y }) < 0.005)
    }
    for p in [0.1, 0.5, 0.9] {
      #expect(abs(d.cdf(d.quantile(p)) - p) < 1e-9)
      #expect(abs(d.quantile(p) - Distribution.empirical(sortedSamples: draws).quantile(p)) < 0.05)
    }
  }

  /// The same with a Student-t common shock (3 df; T = Z/√(χ²₃/3) by brute force).
  @Test func studentTShockMixtureMatchesBruteForce() {
    var g = SeededGenerator(seed: 7)
    let e = (0..<300).map { _ in g.normal() }
    let d = YearEndDistribution.pooled(centre: 30, shockSD: 1.5, shockDF: 3, scale: 2, residuals: e)
    let draws = (0..<200_000).map { _ -> Double in
      let chi = (0..<3).reduce(0.0) { acc, _ in let z = g.normal(); return acc + z * z }
      return 30 + 1.5 * g.normal() / (chi / 3).squareRoot() + 2 * e[Int(g.uniform() * Double(e.count))]
    }.sorted()
    for y in [20.0, 26, 30, 34, 40] {
      #expect(abs(d.cdf(y) - frac(draws) { $0 <= y }) < 0.005)
    }
    for p in [0.01, 0.1, 0.5, 0.9, 0.99] {
      #expect(abs(d.cdf(d.quantile(p)) - p) < 1e-9)
      #expect(abs(d.quantile(p) - Distribution.empirical(sortedSamples: draws).quantile(p)) < 0.1 + (p < 0.05 || p > 0.95 ? 0.4 : 0))
    }
  }
}

@Suite struct MultivariateTTests {
  /// Two Student-t steps with one df share one χ² draw per path, so their sum is exactly
  /// (l₁ + l₂) + √(s₁² + s₂²)·T_df: P(sum ≤ x) has a closed form through the t CDF.
  @Test func sumOfSharedScaleTStepsIsAScaledT() throws {
    let s = quarterlySeries("susp", start: Period(year: 2023, month: 6), values: [2220, 1385], basis: .yearToDate, target: 8000, level: 9000)
    let f = SeriesForecast(series: s, periods: [Period(year: 2023, month: 12), Period(year: 2024, month: 3)],
                           distributions: [ForecastDistribution(base: .studentT(location: 2700, scale: 400, df: 4)),
                                           ForecastDistribution(base: .studentT(location: 2150, scale: 300, df: 4))],
                           model: "test", transform: .none, warnings: [])
    let o = try #require(YearEndCalculator.outlook(f, options: YearEndOptions(draws: 200_000, seed: 13)))
    let centre = 2220.0 + 1385 + 2700 + 2150, scale = 500.0
    for x in [7500.0, 8000, 8455, 9000, 9800] {
      #expect(abs(o.distribution.cdf(x) - SpecialFunctions.studentTCDF((x - centre) / scale, df: 4)) < 0.004, "x = \(x)")
    }
  }
}

@Suite struct MonthlyAndPhaseTests {
  /// Monthly year to date: April–December observed (9 × 10 = 90) plus January–March forecast at
  /// 12 each is 126 at March, by hand.
  @Test func monthlyYearToDateSumsTwelveMonths() throws {
    var e = CatalogueEntry(id: "m", title: "m", unit: .count, polarity: .smaller, basis: .yearToDate)
    e.targets = ["2023/24": 120]
    let s = KPISeries(key: SeriesKey(indicator: "m"), frequency: .monthly, start: Period(year: 2023, month: 4),
                      values: Array(repeating: 10, count: 9), unit: .count, unitSource: "catalogue", polarity: .smaller, entry: e)
    let periods = [1, 2, 3].map { Period(year: 2024, month: $0) }
    let f = SeriesForecast(series: s, periods: periods, distributions: Array(repeating: ForecastDistribution(base: .normal(mean: 12, sd: 0)), count: 3),
                           model: "test", transform: .none, warnings: [])
    let o = try #require(YearEndCalculator.outlook(f))
    #expect(o.aggregation.mode == .sum && o.aggregation.periodCount == 12)
    #expect(o.point == 126)
    #expect(o.status == .amber)
  }

  /// Phases add up: primary 15 + 15 and secondary 35 + 35 (Q3 observed + Q4 forecast; Q1–Q2
  /// missing) are 30 + 70 = 100 pupils.
  @Test func demandSumsPhases() {
    func input(_ id: String, _ v: Double) -> ExclusionInput {
      let s = quarterlySeries(id, start: Period(year: 2023, month: 12), values: [v], basis: .yearToDate)
      let f = SeriesForecast(series: s, periods: [Period(year: 2024, month: 3)], distributions: [ForecastDistribution(base: .normal(mean: v, sd: 0))],
                             model: "test", transform: .none, warnings: [])
      return ExclusionInput(forecast: f, multiplier: 1, description: id)
    }
    let (r, _) = APDemandRunner.run(inputs: [input("primary", 15), input("secondary", 35)], years: 1, scenarios: [],
                                    parameters: APDemandParameters(averageStayYears: 0.5), draws: 2_000, seed: 1)
    #expect(r.first?.exclusionsMedian == 100)
    // w(0.5, 0) = 0.5 − 0.125 = 0.375 → 37.5 places.
    #expect(r.first.map { abs($0.places[1] - 37.5) < 1e-9 } == true)
  }
}

extension SeriesForecast {
  /// A hand-built forecast whose steps are independent by construction (the tests' closed forms
  /// assume it; the engine always supplies its model's correlation).
  init(series: KPISeries, periods: [Period], distributions: [ForecastDistribution], model: String, transform: Transform, warnings: [String]) {
    self.init(series: series, periods: periods, distributions: distributions, correlation: ErrorCorrelation.identity(distributions.count),
              model: model, transform: transform, notes: warnings.map { .model($0) })
  }
}
