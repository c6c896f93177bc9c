import Foundation
import Testing
@testable import KPIStats

/// NelderMead against R `optim(method = "Nelder-Mead")` (notebooks-data/reference/nelder_mead_reference.R).
/// The same algorithm with the same arithmetic takes the same steps: evaluation counts must be equal
/// and the optimum agree to 1e-12 (only the order of floating-point operations could differ).
@Suite struct NelderMeadTests {
  static func rosenbrock(_ x: [Double]) -> Double {
    let a = x[1] - x[0] * x[0], b = 1 - x[0]
    return 100 * (a * a) + b * b
  }

  static func quadratic4(_ x: [Double]) -> Double {
    let c = [1.0, -2, 3, 0.5], w = [1.0, 10, 100, 1000]
    var s = 0.0
    for i in 0..<4 { let d = x[i] - c[i]; s += d * d * w[i] }
    return s
  }

  static func boxed(_ x: [Double]) -> Double {
    if x.contains(where: { $0 < 0 || $0 > 1 }) { return .infinity }
    let c = [0.9, 0.05, 0.5]
    var s = 0.0
    for i in 0..<3 { let d = x[i] - c[i]; s += d * d }
    return s + x[0] * x[1]
  }

  static func problem(_ name: String) -> ([Double], ([Double]) -> Double)? {
    switch name {
    case "rosenbrock": return ([-1.2, 1], rosenbrock)
    case "quadratic4": return ([0, 0, 0, 0], quadratic4)
    case "boxed": return ([0.2, 0.02, 0.1], boxed)
    default: return nil
    }
  }

  @Test func matchesROptim() throws {
    let rows = try ETSReferenceData.rows("nelder_mead_reference.csv")
    #expect(rows.count == 3)
    for r in rows {
      let name = r["name"] ?? ""
      let (start, f) = try #require(Self.problem(name))
      var x = start
      var nm = NelderMead()
      let result = try #require(nm.minimize(&x) { p in f(Array(p)) })
      let rPar = (r["par"] ?? "").split(separator: ";").compactMap { Double($0) }
      #expect(result.evaluations == Int(r["evaluations"] ?? ""), "\(name) evaluations")
      #expect(result.code == Int(r["convergence"] ?? ""), "\(name) convergence")
      let rValue = try #require(Double(r["value"] ?? ""))
      #expect(abs(result.value - rValue) <= 1e-12 * max(1, abs(rValue)), "\(name) value \(result.value) vs \(rValue)")
      for (a, b) in zip(x, rPar) { #expect(abs(a - b) <= 1e-12 * max(1, abs(b)), "\(name) par") }
    }
  }

  @Test func refusesNonFiniteStart() {
    var x = [2.0]
    var nm = NelderMead()
    #expect(nm.minimize(&x) { _ in .nan } == nil)
  }

  @Test func stopsAtEvaluationLimit() throws {
    var nm = NelderMead()
    nm.options.maxEvaluations = 20
    var x = [-1.2, 1.0]
    let f = Self.rosenbrock
    let r = try #require(nm.minimize(&x) { f(Array($0)) })
    #expect(r.code == 1)
    #expect(r.evaluations <= 22)
  }

  /// A bounded objective that answers "at least the bound" with a different value (the bound
  /// itself, or +∞ where the plain one is finite) takes exactly the plain objective's path: same
  /// evaluation count, same optimum to the last bit, on every reference problem.
  @Test func boundedObjectiveTakesThePlainPath() throws {
    for name in ["rosenbrock", "quadratic4", "boxed"] {
      let (start, f) = try #require(Self.problem(name))
      var plainX = start, boundedX = start
      var nm = NelderMead()
      let plain = try #require(nm.minimize(&plainX) { f(Array($0)) })
      var lazy = 0
      for answer in [0, 1] {
        boundedX = start
        let bounded = try #require(nm.minimize(&boundedX, bounded: { p, below in
          let v = f(Array(p))
          guard v >= below else { return v }
          lazy += 1
          return answer == 0 ? below : .infinity
        }))
        #expect(bounded == plain, "\(name)")
        #expect(boundedX == plainX, "\(name)")
      }
      #expect(lazy > 0, "\(name): the bound was never used")
    }
  }
}
