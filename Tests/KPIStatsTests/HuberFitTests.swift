import Foundation
import KPITestSupport
import Testing
@testable import KPIStats

/// `HuberFit` against scipy's direct minimisation of the same convex objective
/// (`notebooks-data/reference/huber_reference.py`, BFGS then Newton on the active set): a
/// different algorithm from the Swift IRLS, coefficients to 1e-8 relative.
@Suite struct HuberFitTests {
  @Test func matchesScipyMinimisation() throws {
    let rows = try ReferenceData.rows("huber_reference.csv")
    let keys = ["x1", "x2", "x3", "x4", "x5"]
    var design = [[Double]](), response = [Double]()
    for r in rows where r["kind"] == "x" {
      design.append(try keys.map { try #require(ReferenceData.number(r[$0])) })
      response.append(try #require(ReferenceData.number(r["y"])))
    }
    let beta = try #require(rows.first { $0["kind"] == "beta" })
    try #require(design.count == 90)
    let fit = try HuberFit(design: design, response: response)
    for (j, k) in keys.enumerated() {
      let want = try #require(ReferenceData.number(beta[k]))
      #expect(close(fit.coefficients[j], want, relative: 1e-8), "\(k): \(fit.coefficients[j]) vs scipy \(want)")
    }
    // The outliers moved the least-squares fit away from it.
    let ls = try leastSquares(design: design, response: response).coefficients.map { $0 ?? 0 }
    #expect(abs(ls[0] - fit.coefficients[0]) > 0.1)
    #expect(fit.iterations > 1 && fit.iterations < 200)
  }

  @Test func cleanLineIsLeftAsLeastSquares() throws {
    // Residuals all within c·s get weight 1: one reweighting step returns least squares itself.
    let x: [[Double]] = (0..<8).map { [1, Double($0)] }
    let y: [Double] = (0..<8).map { i -> Double in
      let noise: Double = i % 2 == 0 ? 0.1 : -0.1
      return 2 + 0.5 * Double(i) + noise
    }
    let fit = try HuberFit(design: x, response: y)
    let ls = try leastSquares(design: x, response: y).coefficients.map { $0 ?? 0 }
    #expect(abs(fit.coefficients[0] - ls[0]) < 1e-12 && abs(fit.coefficients[1] - ls[1]) < 1e-12)
  }
}
