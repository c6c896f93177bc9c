import Foundation
import KPITestSupport
import Testing
@testable import KPIStats

/// `SpecialFunctions` against R's `qnorm`, `pnorm`, `qt`, `pt` on the grid of
/// `notebooks-data/reference/special_functions_reference.R` (df 1 … 1e8, p from 1e-8 to 0.9999,
/// x from −40 to 40), to 1e-10 relative (no absolute floor: far-tail probabilities such as 1e-33 too).
@Suite struct SpecialFunctionsReferenceTests {
  struct Row { var fn: String; var x: Double; var df: Double?; var value: Double }

  static func rows(_ fn: String) throws -> [Row] {
    try ReferenceData.rows("special_functions_reference.csv").filter { $0["fn"] == fn }.map {
      Row(fn: fn, x: ReferenceData.number($0["x"]) ?? .nan, df: ReferenceData.number($0["df"]),
          value: ReferenceData.number($0["value"]) ?? .nan)
    }
  }

  @Test(arguments: ["qnorm", "pnorm", "qt", "pt"])
  func matchesR(fn: String) throws {
    let rows = try Self.rows(fn)
    #expect(rows.count >= 20)
    var worst = 0.0
    for r in rows {
      let got: Double
      switch fn {
      case "qnorm": got = SpecialFunctions.normalQuantile(r.x)
      case "pnorm": got = SpecialFunctions.normalCDF(r.x)
      case "qt": got = SpecialFunctions.studentTQuantile(r.x, df: r.df ?? .nan)
      default: got = SpecialFunctions.studentTCDF(r.x, df: r.df ?? .nan)
      }
      #expect(got == r.value || abs(got - r.value) <= 1e-10 * abs(r.value), "\(fn)(\(r.x), df \(String(describing: r.df))) = \(got), R \(r.value)")
      worst = max(worst, relativeDeviation(got, r.value))
    }
    print("reference \(fn): max relative deviation \(worst) over \(rows.count) values")
  }

  /// Far tails beyond the R grid: quantiles stay finite and round-trip through the CDF.
  @Test(arguments: [1.0, 2, 3, 7.5, 30, 1e4])
  func farTailsRoundTrip(df: Double) {
    for p in [1e-300, 1e-100, 1e-20, 1e-9, 0.3, 0.5 - 1e-12] {
      let q = SpecialFunctions.studentTQuantile(p, df: df)
      #expect(q.isFinite && q < 0, "qt(\(p), \(df)) = \(q)")
      #expect(close(SpecialFunctions.studentTCDF(q, df: df), p, relative: 1e-9), "pt(qt(\(p), \(df)))")
      // Upper quantiles are exact mirrors of lower ones for the tail 1 − u that u = 1 − p represents.
      let u = 1 - p
      #expect(SpecialFunctions.studentTQuantile(u, df: df) == -SpecialFunctions.studentTQuantile(1 - u, df: df))
    }
  }

  @Test func edgeArguments() {
    #expect(SpecialFunctions.studentTQuantile(0, df: 5) == -.infinity)
    #expect(SpecialFunctions.studentTQuantile(1, df: 5) == .infinity)
    #expect(SpecialFunctions.studentTQuantile(0.5, df: 3) == 0)
    #expect(SpecialFunctions.studentTQuantile(1.5, df: 3).isNaN)
    #expect(SpecialFunctions.studentTQuantile(0.9, df: 0).isNaN)
    #expect(SpecialFunctions.studentTCDF(.infinity, df: 4) == 1)
    #expect(SpecialFunctions.studentTCDF(-.infinity, df: 4) == 0)
    #expect(SpecialFunctions.normalQuantile(-0.1).isNaN)
  }

  /// The finite-series t CDF for whole df against the continued fraction (itself checked against
  /// R's `pt` above), to 1e-14 absolute, and its closed forms for df = 1 and 2.
  @Test func wholeDFSeriesMatchesContinuedFraction() {
    for df in 1...25 {
      for t in stride(from: -60.0, through: 60.0, by: 0.37) {
        let a = SpecialFunctions.studentTCDFAbsolute(t, df: df), b = SpecialFunctions.studentTCDF(t, df: Double(df))
        #expect(abs(a - b) < 1e-14, "df \(df), t \(t): \(a) vs \(b)")
      }
    }
    #expect(abs(SpecialFunctions.studentTCDFAbsolute(1, df: 1) - 0.75) < 1e-15)            // Cauchy: ½ + atan(1)/π
    #expect(abs(SpecialFunctions.studentTCDFAbsolute(2, df: 2) - (0.5 + 2 / (2 * 6.0.squareRoot()))) < 1e-15)
    #expect(SpecialFunctions.studentTCDFAbsolute(-.infinity, df: 3) == 0)
    #expect(SpecialFunctions.studentTCDFAbsolute(1, df: 0).isNaN)
  }
}
