import Foundation
import KPITestSupport
import Testing
@testable import KPIStats

/// XmR charts against the independent numpy reference (`notebooks-data/reference/spc_reference.py`,
/// written from NHSRplotthedots 0.1.0's rules): mean and limits to 1e-9 absolute, every point
/// type and both icons exactly, under both rule sets.
@Suite struct SPCReferenceTests {
  struct Case { var values: [Double]; var direction: SPCDirection; var rebase: [Int]; var target: Double? }

  static func cases() throws -> [String: Case] {
    var out = [String: Case]()
    for r in try ReferenceData.rows("spc_series.csv") {
      let name = r["series"] ?? ""
      var c = out[name] ?? Case(values: [], direction: SPCDirection(rawValue: Int(r["direction"] ?? "") ?? 0) ?? .neutral,
                                rebase: [], target: ReferenceData.number(r["target"]))
      if r["rebase"] == "1" { c.rebase.append(c.values.count) }
      c.values.append(ReferenceData.number(r["value"]) ?? .nan)
      out[name] = c
    }
    return out
  }

  @Test(arguments: SPCRuleSet.allCases)
  func matchesNumpyReference(rules: SPCRuleSet) throws {
    let cases = try Self.cases()
    let ref = try ReferenceData.rows("spc_reference.csv").filter { $0["rules"] == rules.rawValue }
    let icons = try ReferenceData.rows("spc_reference_icons.csv").filter { $0["rules"] == rules.rawValue }
    try #require(cases.count >= 15 && ref.count > 200)
    var charts = [String: XmRChart]()
    for (name, c) in cases { charts[name] = XmR.analyse(c.values, segmentStarts: c.rebase, direction: c.direction, rules: rules) }
    var worst = 0.0
    for r in ref {
      let name = r["series"] ?? "", i = Int(r["index"] ?? "") ?? -1
      let chart = try #require(charts[name])
      let p = chart.points[i]
      #expect(p.type.rawValue == r["point_type"], "\(name)[\(i)] \(rules.rawValue): \(p.type.rawValue) vs \(r["point_type"] ?? "")")
      for (got, key) in [(p.mean, "mean"), (p.lpl, "lpl"), (p.upl, "upl")] {
        if let want = ReferenceData.number(r[key]) {
          #expect(abs(got - want) <= 1e-9, "\(name)[\(i)] \(key): \(got) vs \(want)")
          worst = max(worst, abs(got - want))
        } else {
          #expect(got.isNaN, "\(name)[\(i)] \(key) should be undefined, got \(got)")
        }
      }
    }
    for r in icons {
      let name = r["series"] ?? ""
      let chart = try #require(charts[name])
      #expect(chart.variation?.rawValue == r["variation"], "\(name) variation")
      #expect((chart.assurance(target: cases[name]?.target)?.rawValue ?? "") == r["assurance"], "\(name) assurance")
    }
    print("reference spc \(rules.rawValue): max deviation \(worst)")
  }

  /// The package's own published example (`tests/testthat/_snaps/ptd_spc_standard.md`:
  /// `set.seed(123); rnorm(20)`), printed there to 3 significant figures.
  @Test func packageExamplePrintsAsPublished() throws {
    let c = try #require(try Self.cases()["ptd_example"])
    let p = XmR.analyse(c.values).points[0]
    #expect(String(format: "%.3f", p.mean) == "0.142")
    #expect(String(format: "%.2f", p.lpl) == "-3.01")
    #expect(String(format: "%.2f", p.upl) == "3.29")
  }

  /// Each rule is hit by the series built for it, and the rule sets differ where the package's
  /// later fixes apply (falling trends; 2 of 3 on opposite sides).
  @Test func eachRuleFires() throws {
    let cases = try Self.cases()
    func rulesHit(_ name: String, _ set: SPCRuleSet) throws -> SPCRules {
      let c = try #require(cases[name])
      return XmR.analyse(c.values, segmentStarts: c.rebase, direction: c.direction, rules: set).points.reduce(SPCRules()) { $0.union($1.rules) }
    }
    #expect(try rulesHit("outside_limits", .ptd010).contains(.outsideLimits))
    #expect(try rulesHit("run_above", .ptd010).contains(.runOfSeven))
    #expect(try rulesHit("rising_trend", .ptd010).contains(.trendOfSeven))
    #expect(try !rulesHit("falling_trend", .ptd010).contains(.trendOfSeven))
    #expect(try rulesHit("falling_trend", .corrected).contains(.trendOfSeven))
    #expect(try rulesHit("two_of_three_same_side", .ptd010).contains(.twoOfThree))
    #expect(try rulesHit("two_of_three_opposite", .ptd010).contains(.twoOfThree))
    #expect(try !rulesHit("two_of_three_opposite", .corrected).contains(.twoOfThree))
    #expect(try rulesHit("rebase", .ptd010).isEmpty)
    #expect(try !rulesHit("no_rebase", .ptd010).isEmpty)
  }

  @Test func screeningDropsTheLargeMovingRanges() {
    // Ranges 1,1,1,1,20,20,1,1: mean 5.75; 20 ≥ 3.267 × 5.75 = 18.8 so both are screened → mR̄ = 1.
    let (_, amr) = XmR.centre([0, 1, 0, 1, 0, 20, 0, 1, 0])
    #expect(amr == 1)
  }
}
