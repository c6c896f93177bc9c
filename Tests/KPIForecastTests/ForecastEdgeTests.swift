import Foundation
import Testing
import KPITestSupport
import KPIData
import KPIStats
@testable import KPIForecast

/// Defined behaviours of `Forecaster.forecast` at the edges: constant, missing, bounded and short
/// series, refused transforms, and a seeded property test over many random series.
@Suite struct ForecastEdgeTests {
  static func series(_ values: [Double], unit: KPIUnit, start: Period = Period(year: 2021, month: 6),
                     frequency: Frequency = .quarterly, name: String = "kpi") -> KPISeries {
    KPISeries(key: SeriesKey(indicator: name), frequency: frequency, start: start, values: values, unit: unit)
  }

  /// A constant series is not certain to stay constant: the band is borrowed (``SpreadFloor``),
  /// positive, around the constant and inside the unit's bounds; declared `fixed`, it is exact.
  @Test(arguments: [KPIUnit.percent, .count, .number])
  func constantSeriesGetsABorrowedBandAroundTheConstant(unit: KPIUnit) throws {
    let level = unit == .percent ? 100.0 : 12
    var s = Self.series(Array(repeating: level, count: 9), unit: unit)
    let f = try Forecaster.forecast(s, options: ForecastOptions(horizon: .steps(4)))
    #expect(f.distributions.count == 4)
    #expect(f.notes.contains { if case .spreadBorrowed(let n, _, _) = $0 { return n == 9 }; return false })
    var previous = 0.0
    for d in f.distributions {
      let (lo, hi) = d.interval(level: 95)
      #expect(lo < hi && hi - lo > previous)
      previous = hi - lo
      #expect(abs(d.point - level) <= 0.001 * level)
      #expect(lo <= level + 1e-9 && (unit == .percent ? hi <= 100 : hi >= level))
      if unit == .count { #expect(lo >= 0) }
    }
    var e = CatalogueEntry(id: "kpi", title: "kpi", unit: unit)
    e.fixed = true
    s.entry = e
    let fixed = try Forecaster.forecast(s, options: ForecastOptions(horizon: .steps(2)))
    for d in fixed.distributions { let (lo, hi) = d.interval(level: 95); #expect(hi - lo < 1e-9 * max(level, 1)) }
  }

  /// Issue 8: a count rising 100, 110, 120, 130 is forecast at least at its last value, not at
  /// its mean; two equal observations get a band wider than zero; two very different ones
  /// (approved fostering households 177, 285) a band that is wide but not absurd.
  @Test func shortSeriesFollowTheirLastValueWithABorrowedBand() throws {
    let rising = try Forecaster.forecast(Self.series([100, 110, 120, 130], unit: .count), options: ForecastOptions(horizon: .steps(4)))
    #expect(rising.model.hasPrefix("naive"))
    for d in rising.distributions { #expect(d.point >= 130 - 1e-9) }
    let flat = try Forecaster.forecast(Self.series([92, 92], unit: .percent), options: ForecastOptions(horizon: .steps(2)))
    for d in flat.distributions {
      let (lo, hi) = d.interval(level: 80)
      #expect(hi - lo > 0.5 && lo < 92 && hi > 92 && hi < 100)
      // P(Y ≥ 90%) is high but not certain.
      let pMeet = 1 - d.cdf(90)
      #expect(pMeet > 0.5 && pMeet < 1)
    }
    let fostering = try Forecaster.forecast(Self.series([177, 285], unit: .count), options: ForecastOptions(horizon: .steps(4)))
    for d in fostering.distributions {
      let (lo, hi) = d.interval(level: 95)
      #expect(lo > 50 && hi < 2_000 && hi / lo < 50)
    }
  }

  @Test func allMissingCountSeriesGivesNoRowsAndAWarning() throws {
    let f = try Forecaster.forecast(Self.series([.nan, .nan, .nan], unit: .count), options: ForecastOptions(horizon: .steps(3)))
    #expect(f.distributions.isEmpty && f.periods.isEmpty)
    #expect(f.warnings == ["no observations: no forecast"])
  }

  @Test func trailingGapsForecastFromAfterTheLastObservation() throws {
    let s = Self.series([10, 12, 11, 13, 12, 14, 13, 15, .nan, .nan], unit: .number)
    let f = try Forecaster.forecast(s, options: ForecastOptions(model: .regression, horizon: .steps(2)))
    #expect(f.periods == [s.period(at: 8), s.period(at: 9)])
    #expect(f.distributions.count == 2)
  }

  @Test func toYearEndRunsThroughTheNextMarch() throws {
    // Last observation 2023-09 (Q2): forecasts for 2023-12 and 2024-03.
    let s = Self.series([10, 12, 11, 13, 12, 14, 13, 15, 14], unit: .number)
    #expect(s.end.description == "2023-06")
    let f = try Forecaster.forecast(s, options: ForecastOptions(model: .regression, horizon: .toYearEnd))
    #expect(f.periods.map(\.description) == ["2023-09", "2023-12", "2024-03"])
  }

  @Test func zeroAndHundredPercentUnderLogitStayInsideTheBounds() throws {
    let values: [Double] = [0, 100, 40, 100, 0, 100, 55, 100, 0, 97.5, 60, 100]
    let f = try Forecaster.forecast(Self.series(values, unit: .percent), options: ForecastOptions(model: .regression, horizon: .steps(6)))
    #expect(f.transform.name == "logit")
    if case .logit(_, _, let eps) = f.transform { #expect(eps == 0.5) }  // 2.5 from 100 → 1.25, capped at 0.5
    for d in f.distributions {
      for p in [0.001, 0.025, 0.1, 0.5, 0.9, 0.975, 0.999] {
        let q = d.quantile(p)
        #expect(q >= 0 && q <= 100, "quantile \(p) = \(q)")
      }
    }
  }

  @Test func explicitLogOnZerosNamesSeriesAndPeriod() throws {
    let s = Self.series([5, 3, 0, 4], unit: .count, name: "referrals")
    #expect(throws: ForecastError.transformRefused(series: "referrals", transform: "log", period: "2021-12", value: 0)) {
      _ = try Forecaster.forecast(s, options: ForecastOptions(transform: .log, horizon: .steps(2)))
    }
  }

  @Test func autoTransformOnCountsWithZerosIsSquareRootAndNeverNegative() throws {
    let f = try Forecaster.forecast(Self.series([3, 0, 2, 1, 0, 4, 1, 0, 2], unit: .count), options: ForecastOptions(horizon: .steps(4)))
    #expect(f.transform == .sqrt)
    for d in f.distributions { #expect(d.quantile(0.025) >= 0) }
  }

  /// For 300 random series (units, lengths 1–30, gaps, values on the bounds, constants, shifts) and
  /// every model choice: every row has lo95 ≤ lo80 ≤ point ≤ hi80 ≤ hi95, all finite, inside the
  /// unit's bounds.
  @Test func intervalsAreNestedFiniteAndInsideBoundsOnRandomSeries() throws {
    var rng = SplitMix64(seed: 20_240_601)
    var rows = 0
    for i in 0..<300 {
      let unit = [KPIUnit.percent, .count, .number, .rate][i % 4]
      let monthly = Int.random(in: 0..<5, using: &rng) == 0
      let n = Int.random(in: 1...30, using: &rng)
      let base = unit == .percent ? Double.random(in: 2...98, using: &rng) : Double.random(in: 0...500, using: &rng)
      let noise = Double.random(in: 0...(unit == .percent ? 15 : 60), using: &rng)
      let kind = Int.random(in: 0..<10, using: &rng)
      var v = (0..<n).map { t -> Double in
        var x = base + noise * Double.random(in: -1...1, using: &rng) + (t % 4 == 1 ? noise : 0)
        if kind == 0 { x = base }  // constant
        if unit == .percent { x = min(max(x, 0), 100) }
        if unit == .count || unit == .rate { x = max(x, 0) }
        if unit == .count { x = x.rounded() }
        if unit == .number { x -= 250 }
        return x
      }
      if kind == 1 && unit == .percent { for t in stride(from: 0, to: n, by: 3) { v[t] = t % 2 == 0 ? 100 : 0 } }
      if kind == 2 && unit == .count { for t in stride(from: 0, to: n, by: 2) { v[t] = 0 } }
      for t in 0..<n where Int.random(in: 0..<8, using: &rng) == 0 { v[t] = .nan }
      let start = Period(year: 2019, month: monthly ? Int.random(in: 1...12, using: &rng) : [3, 6, 9, 12][i % 4])
      let s = Self.series(v, unit: unit, start: start, frequency: monthly ? .monthly : .quarterly, name: "s\(i)")
      let model = ModelChoice.allCases[i % ModelChoice.allCases.count]
      let shift = n > 6 && kind == 3 ? [s.period(at: n / 2)] : []
      let f = try Forecaster.forecast(s, options: ForecastOptions(model: model, horizon: .steps(5), levelShifts: shift))
      if s.observedCount == 0 { #expect(f.distributions.isEmpty); continue }
      #expect(f.distributions.count == 5, "series \(i)")
      let (lo, hi) = (s.bounds.lower ?? -.infinity, s.bounds.upper ?? .infinity)
      for d in f.distributions {
        let (l80, h80) = d.interval(level: 80), (l95, h95) = d.interval(level: 95)
        let chain = [l95, l80, d.point, h80, h95]
        #expect(chain.allSatisfy { $0.isFinite }, "series \(i) \(f.model): \(chain)")
        #expect(zip(chain, chain.dropFirst()).allSatisfy { $0 <= $1 }, "series \(i) \(f.model): \(chain)")
        #expect(l95 >= lo && h95 <= hi, "series \(i) \(f.model): \(chain) outside [\(lo), \(hi)]")
        rows += 1
      }
    }
    #expect(rows > 1000)
  }
}

/// Catalogue choices under `auto`, explicit-transform refusals and level-shift periods.
@Suite struct ForecastPolicyTests {
  static func entry(_ configure: (inout CatalogueEntry) -> Void) -> CatalogueEntry {
    var e = CatalogueEntry(id: "kpi", title: "KPI", unit: .count)
    configure(&e)
    return e
  }

  static func series(_ values: [Double], unit: KPIUnit = .count, entry: CatalogueEntry? = nil) -> KPISeries {
    KPISeries(key: SeriesKey(indicator: "kpi"), frequency: .quarterly, start: Period(year: 2021, month: 6), values: values,
              unit: unit, unitSource: entry == nil ? "input" : "catalogue", entry: entry)
  }

  @Test func catalogueTransformIsUsedUnderAuto() throws {
    let s = Self.series([4, 6, 5, 7, 6, 8, 7, 9], entry: Self.entry { $0.transform = "sqrt" })
    #expect(try TransformPolicy.choose(.auto, for: s) == .sqrt)
    #expect(try TransformPolicy.choose(.none, for: s) == .none)  // an explicit choice wins
  }

  @Test func catalogueTransformThatCannotTakeTheDataFallsBackWithANote() throws {
    let s = Self.series([4, 0, 5, 7, 6, 8, 7, 9], entry: Self.entry { $0.transform = "log" })
    let f = try Forecaster.forecast(s, options: ForecastOptions(horizon: .steps(2)))
    #expect(f.transform == .sqrt)
    #expect(f.warnings.contains { $0.contains("catalogue transform 'log'") && $0.contains("2021-09") })
  }

  @Test func unknownCatalogueTransformIsNamed() throws {
    let s = Self.series([4, 6, 5, 7, 6, 8, 7, 9], entry: Self.entry { $0.transform = "boxcox" })
    let f = try Forecaster.forecast(s, options: ForecastOptions(horizon: .steps(2)))
    #expect(f.transform == .log)
    #expect(f.warnings.contains { $0.contains("'boxcox'") })
  }

  @Test func catalogueModelIsUsedUnderAuto() throws {
    let s = Self.series([4, 6, 5, 7, 6, 8, 7, 9], entry: Self.entry { $0.model = "snaive" })
    #expect(try Forecaster.forecast(s, options: ForecastOptions(horizon: .steps(2))).model.hasPrefix("snaive"))
    #expect(try Forecaster.forecast(s, options: ForecastOptions(model: .drift, horizon: .steps(2))).model.hasPrefix("drift"))
  }

  @Test func explicitLogitRefusesValuesBeyondTheBounds() throws {
    let s = Self.series([40, 60, 130, 70])
    #expect(throws: ForecastError.transformRefused(series: "kpi", transform: "logit", period: "2021-12", value: 130)) {
      _ = try TransformPolicy.choose(.logit, for: s)
    }
    // Within 0–100 an unbounded unit may still be modelled on the logit scale.
    #expect(try TransformPolicy.choose(.logit, for: Self.series([40, 60, 100, 70])).name == "logit")
  }

  @Test func levelShiftInsideAQuarterAppliesFromThatQuarterAndSaysSo() throws {
    let v: [Double] = [10, 11, 10, 12, 11, 12, 16, 17, 16, 18, 17, 18]
    let s = Self.series(v, unit: .number)
    let onGrid = try Forecaster.forecast(s, options: ForecastOptions(model: .regression, horizon: .steps(2), levelShifts: [s.period(at: 6)]))
    let inside = try Forecaster.forecast(s, options: ForecastOptions(model: .regression, horizon: .steps(2),
                                                                      levelShifts: [s.period(at: 6).advanced(by: -1)]))
    #expect(onGrid.distributions == inside.distributions)
    #expect(inside.warnings.contains { $0.contains("not a quarterly period") && $0.contains(s.period(at: 6).description) })
    #expect(onGrid.model.contains("shift"))
  }

  @Test func unparsableCatalogueLevelShiftIsNamed() throws {
    let s = Self.series([4, 6, 5, 7, 6, 8, 7, 9], entry: Self.entry { $0.levelShifts = ["last spring"] })
    let f = try Forecaster.forecast(s, options: ForecastOptions(model: .regression, horizon: .steps(2)))
    #expect(f.warnings.contains { $0.contains("'last spring'") })
  }
}

/// Catalogue seasonal priors on the data scale: converted at the series' level, or refused with a note.
@Suite struct ForecastPriorTests {
  static func series(_ values: [Double], unit: KPIUnit, prior: SeasonalPriorSpec) -> KPISeries {
    var e = CatalogueEntry(id: "kpi", title: "KPI", unit: unit)
    e.seasonalPrior = prior
    return KPISeries(key: SeriesKey(indicator: "kpi"), frequency: .quarterly, start: Period(year: 2022, month: 6), values: values,
                     unit: unit, unitSource: "catalogue", entry: e)
  }

  @Test func dataScalePriorIsConvertedAtTheSeriesLevel() throws {
    // Count series, mean level 100; a data-scale effect of +20 in Q2 is log(120/100) on the log scale.
    let v: [Double] = [100, 118, 95, 87, 103, 121]
    let s = Self.series(v, unit: .count, prior: SeasonalPriorSpec(effects: [0, 20, -5, -15], weight: 1e8))
    let f = try Forecaster.forecast(s, options: ForecastOptions(model: .regression, horizon: .steps(4)))
    #expect(f.transform == .log)
    #expect(f.warnings.contains { $0.contains("shrunk toward the prior") })
    // With an overwhelming weight the seasonal contrasts on the log scale are the prior's,
    // γ_s = log((L + e_s)/L). Consecutive quarters differ by the trend b plus the contrast change, so
    // log(Sep/Jun) − log(Mar/Dec) = log((L+20)/L) − log((L−15)/(L−5)), whatever b is.
    let level = v.reduce(0, +) / Double(v.count)
    #expect(f.periods.map(\.description) == ["2023-12", "2024-03", "2024-06", "2024-09"])
    let dec = f.distributions[0].point, mar = f.distributions[1].point
    let jun = f.distributions[2].point, sep = f.distributions[3].point
    let expected = log((level + 20) / level) - log((level - 15) / (level - 5))
    #expect(abs(log(sep / jun) - log(mar / dec) - expected) < 1e-6)
  }

  @Test func priorThatLeavesTheLogScaleIsIgnoredAndSaid() throws {
    let s = Self.series([10, 12, 9, 8, 11, 13], unit: .count, prior: SeasonalPriorSpec(effects: [0, 5, -20, 0], weight: 4))
    let f = try Forecaster.forecast(s, options: ForecastOptions(model: .regression, horizon: .steps(2)))
    #expect(f.warnings.contains { $0.contains("outside the log scale") })
    #expect(f.distributions.allSatisfy { $0.quantile(0.975).isFinite })
  }

  @Test func priorWithTheWrongNumberOfEffectsIsNamed() throws {
    let s = Self.series([10, 12, 9, 8, 11, 13], unit: .count, prior: SeasonalPriorSpec(effects: [0, 5, -2], weight: 4))
    let f = try Forecaster.forecast(s, options: ForecastOptions(model: .regression, horizon: .steps(2)))
    #expect(f.warnings.contains { $0.contains("3 effects") })
  }
}
