import Foundation
import KPITestSupport
import Testing
@testable import KPIStats

/// `SeasonalRegression` against base R `lm` / `predict.lm(interval = "prediction")` on the fixed series
/// of `notebooks-data/reference/regression_reference.R`. Tolerances: coefficients, σ̂ 1e-8 relative;
/// forecast means and 80%/95% bounds 1e-6 relative, on the model scale and back-transformed.
@Suite struct RegressionReferenceTests {
  static let caseIDs = ["pct_logit", "count_log", "number_gap", "level_shift", "monthly", "collinear_shift",
                        "unseen_season", "short_prior", "short_noprior"]

  static func load(_ id: String) throws -> RegressionCase {
    let all = try RegressionCase.loadAll()
    return try #require(all.first { $0.id == id }, "reference case \(id) missing")
  }

  /// The transform R used, built by the Swift rule (ε from ``Transform/logitEpsilon(for:lower:upper:)``).
  static func transform(of c: RegressionCase) -> Transform {
    switch c.transform {
    case "logit":
      let lo = c.lower ?? 0, hi = c.upper ?? 100
      return .logit(lower: lo, upper: hi, epsilon: Transform.logitEpsilon(for: c.values, lower: lo, upper: hi))
    case "log": return .log
    default: return .none
    }
  }

  static func fit(_ c: RegressionCase) throws -> SeasonalRegression.Fitted {
    let t = transform(of: c)
    let input = SeriesInput(values: c.values.map { $0.isNaN ? .nan : t.forward($0) }, period: c.period, firstSeason: c.firstSeason)
    let prior = c.prior.isEmpty ? nil : try SeasonalPrior(effects: c.prior, weight: c.priorWeight ?? 1)
    return try SeasonalRegression(levelShifts: c.shifts, seasonalPrior: prior).fit(input)
  }

  @Test func everyReferenceCaseIsTested() throws {
    #expect(try RegressionCase.loadAll().map(\.id).sorted() == Self.caseIDs.sorted())
  }

  @Test func logitEpsilonMatchesR() throws {
    let c = try Self.load("pct_logit")
    let eps = Transform.logitEpsilon(for: c.values, lower: 0, upper: 100)
    #expect(close(eps, try #require(c.epsilon), relative: 1e-12))
    #expect(c.values.contains(100), "the case must exercise the bound")
  }

  @Test(arguments: caseIDs)
  func coefficientsMatchR(id: String) throws {
    let c = try Self.load(id)
    let f = try Self.fit(c)
    #expect(f.termNames == c.termNames)
    try #require(f.coefficients.count == c.coefficients.count)
    var worst = 0.0
    for (j, (a, b)) in zip(f.coefficients, c.coefficients).enumerated() {
      #expect((a == nil) == (b == nil), "\(id) \(c.termNames[j]): aliasing differs from R (swift \(String(describing: a)))")
      if let a, let b {
        #expect(close(a, b, relative: 1e-8), "\(id) \(c.termNames[j]): \(a) vs R \(b)")
        worst = max(worst, relativeDeviation(a, b))
      }
    }
    #expect(close(f.sigma, c.sigma, relative: 1e-8), "\(id) sigma \(f.sigma) vs R \(c.sigma)")
    #expect(f.residualDF == c.df)
    print("reference \(id): max coefficient deviation \(worst), sigma \(relativeDeviation(f.sigma, c.sigma))")
  }

  @Test(arguments: caseIDs)
  func forecastsMatchROnBothScales(id: String) throws {
    let c = try Self.load(id)
    let f = try Self.fit(c)
    let t = Self.transform(of: c)
    let dists = f.forecast(horizon: c.horizon)
    try #require(dists.count == c.horizon)
    var worst = 0.0
    for (scale, forecasts) in c.forecasts {
      for (name, values) in forecasts {
        try #require(values.count == c.horizon)
        for h in 0..<c.horizon {
          let d = ForecastDistribution(base: dists[h], transform: scale == "model" ? .none : t)
          let got: Double
          switch name {
          case "mean": got = d.point
          case "lo80": got = d.interval(level: 80).lower
          case "hi80": got = d.interval(level: 80).upper
          case "lo95": got = d.interval(level: 95).lower
          case "hi95": got = d.interval(level: 95).upper
          default: Issue.record("unknown reference column \(name)"); continue
          }
          #expect(close(got, values[h], relative: 1e-6), "\(id) \(scale) \(name) h=\(h + 1): \(got) vs R \(values[h])")
          worst = max(worst, relativeDeviation(got, values[h]))
        }
      }
    }
    print("reference \(id): max forecast/bound deviation \(worst)")
  }

  @Test func aliasedTermsAreNamedInWarnings() throws {
    let collinear = try Self.fit(Self.load("collinear_shift"))
    #expect(collinear.warnings.contains { $0.contains("rank deficient") && $0.contains("shift@10") })
    let unseen = try Self.fit(Self.load("unseen_season"))
    #expect(unseen.warnings.contains { $0.contains("rank deficient") && $0.contains("season3") })
    for d in unseen.forecast(horizon: 4) { #expect(d.quantile(0.025).isFinite && d.quantile(0.975).isFinite) }
  }

  @Test func shortSeriesWithoutPriorSaysSeasonDropped() throws {
    let f = try Self.fit(Self.load("short_noprior"))
    #expect(f.termNames == ["(Intercept)", "t"])
    #expect(f.warnings.contains { $0.contains("seasonal terms dropped") })
    let p = try Self.fit(Self.load("short_prior"))
    #expect(p.termNames.contains("season2"))
    #expect(p.warnings.contains { $0.contains("prior") })
  }
}
