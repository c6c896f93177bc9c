import Foundation
import KPITestSupport
import Testing
@testable import KPIStats

/// `VariancePrior` against limma's `fitFDist` / `squeezeVar`, and digamma, trigamma and
/// `trigammaInverse` against R, on the fixed cases of
/// `notebooks-data/reference/variance_prior_reference.R` (to 1e-9 relative).
@Suite struct VariancePriorReferenceTests {
  static func reference() throws -> [[String: String]] { try ReferenceData.rows("variance_prior_reference.csv") }

  static func value(_ r: [String: String]) -> Double { ReferenceData.number(r["value"]) ?? .nan }

  @Test func specialFunctionsMatchR() throws {
    let rows = try Self.reference().filter { $0["case"] == "0" }
    #expect(rows.count == 32)
    for r in rows {
      let x = ReferenceData.number(r["index"]) ?? .nan
      let got: Double
      switch r["quantity"] {
      case "digamma": got = SpecialFunctions.digamma(x)
      case "trigamma": got = SpecialFunctions.trigamma(x)
      default: got = SpecialFunctions.trigammaInverse(x)
      }
      // limma's Newton stops at a relative step of 1e-8, so its inverse is good to about that.
      let tol = r["quantity"] == "trigammaInverse" ? 1e-7 : 1e-12
      #expect(close(got, Self.value(r), relative: tol), "\(r["quantity"] ?? "")(\(x)) = \(got), R \(Self.value(r))")
    }
  }

  @Test(arguments: 1...6)
  func priorAndPosteriorMatchLimma(caseNumber: Int) throws {
    let cases = try ReferenceData.rows("variance_prior_cases.csv").filter { $0["case"] == "\(caseNumber)" }
    let variances = cases.map { ReferenceData.number($0["variance"]) ?? .nan }
    let df = cases.map { ReferenceData.number($0["df"]) ?? .nan }
    let ref = try Self.reference().filter { $0["case"] == "\(caseNumber)" }
    let scale = ref.first { $0["quantity"] == "scale" }.map(Self.value) ?? .nan
    let d0 = ref.first { $0["quantity"] == "df2" }.map(Self.value) ?? .nan
    let post = ref.filter { $0["quantity"] == "posterior" }.map(Self.value)
    #expect(variances.count >= 2 && post.count == variances.count)
    let prior = try #require(VariancePrior(variances: variances, df: df))
    #expect(close(prior.scale, scale, relative: 1e-9), "s0² \(prior.scale), limma \(scale)")
    if d0.isInfinite { #expect(prior.df == .infinity) } else { #expect(close(prior.df, d0, relative: 1e-7), "d0 \(prior.df), limma \(d0)") }
    for (i, v) in variances.enumerated() {
      #expect(close(prior.posterior(variance: v, df: df[i]), post[i], relative: 1e-7), "series \(i + 1)")
    }
  }

  @Test func fewerThanTwoUsableVariancesGiveNoPrior() {
    #expect(VariancePrior(variances: [0.3], df: [2]) == nil)
    #expect(VariancePrior(variances: [0.3, .nan, -1], df: [2, 2, 2]) == nil)
    #expect(VariancePrior(variances: [0.3, 0.5], df: [2, 0]) == nil)
  }

  @Test func infinitePriorGivesEverySeriesItsCentre() {
    let p = VariancePrior(scale: 0.04, df: .infinity, count: 10)
    #expect(p.posterior(variance: 9, df: 5) == 0.04)
    let finite = VariancePrior(scale: 0.04, df: 3, count: 10)
    #expect(close(finite.posterior(variance: 1, df: 3), (3 * 1 + 3 * 0.04) / 6, relative: 1e-15))
    #expect(finite.posterior(variance: 1, df: 0) == 0.04)
  }
}
