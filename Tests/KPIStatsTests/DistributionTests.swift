import Testing
@testable import KPIStats

@Suite struct TransformTests {
  @Test func logitRoundTripsInsideBounds() {
    let t = Transform.logit(lower: 0, upper: 100, epsilon: 0.5)
    for y in [0.6, 12.5, 50, 99.4] { #expect(abs(t.inverse(t.forward(y)) - y) < 1e-12) }
  }

  @Test func logitBackTransformStaysInsideBounds() {
    let t = Transform.logit(lower: 0, upper: 100, epsilon: 0.5)
    #expect(t.inverse(-1e6) >= 0)
    #expect(t.inverse(1e6) <= 100)
  }

  @Test func logitEpsilonRule() {
    // Half the smallest positive distance from a bound (0.01 → 0.005), capped at 0.5% of range.
    #expect(Transform.logitEpsilon(for: [0, 0.01, 0.3], lower: 0, upper: 100) == 0.005)
    #expect(Transform.logitEpsilon(for: [0, 100, 50], lower: 0, upper: 100) == 0.5)
    #expect(Transform.logitEpsilon(for: [0, 100], lower: 0, upper: 100) == 0.5)
    // Every value on the same bound (a constant 100%): a tenth of the cap.
    #expect(Transform.logitEpsilon(for: [100, 100, 100], lower: 0, upper: 100) == 0.05)
  }

  @Test func sqrtBackTransformNeverNegative() {
    #expect(Transform.sqrt.inverse(-3) == 0)
    #expect(Transform.log1p.inverse(-3) == 0)
  }
}
