import Foundation
import KPIStats

/// How the cost of an alternative-provision place is uncertain.
public enum CostDistribution: Sendable, Equatable {
  /// Uniform between the bounds (default £20,000–£50,000: seed 001, the committee report).
  case uniform(low: Double, high: Double)
  /// Triangular with a most likely value.
  case triangular(low: Double, mode: Double, high: Double)

  public func draw(_ g: inout SeededGenerator) -> Double {
    let u = g.uniform()
    switch self {
    case .uniform(let a, let b): return a + (b - a) * u
    case .triangular(let a, let c, let b):
      let fc = (c - a) / (b - a)
      return u < fc ? a + ((b - a) * (c - a) * u).squareRoot() : b - ((b - a) * (b - c) * (1 - u)).squareRoot()
    }
  }
}
