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

  /// Degenerate batches give a usable prior or none, never NaN: all zeros (limma's floor at 1e-5
  /// of the median, here 1e-5), identical variances (d0 infinite, the mean), huge ones.
  @Test func degenerateBatchesStayFinite() throws {
    let zeros = try #require(VariancePrior(variances: [0, 0, 0, 0], df: [2, 2, 2, 2]))
    #expect(zeros.df == .infinity && abs(zeros.scale - 1e-5) < 1e-20)
    let same = try #require(VariancePrior(variances: [0.3, 0.3, 0.3], df: [1, 4, 9]))
    #expect(same.df == .infinity && abs(same.scale - 0.3) < 1e-15)
    let huge = try #require(VariancePrior(variances: [1e300, 1e-300, 5, 0.2], df: [3, 3, 3, 3]))
    #expect(huge.df.isFinite && huge.df > 0 && huge.scale.isFinite && huge.scale > 0)
    #expect(huge.posterior(variance: 1e300, df: 3).isFinite)
  }
}
