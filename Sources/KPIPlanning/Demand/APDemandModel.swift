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

/// Parameters of the AP demand model, with the defaults stated in output and docs.
public struct APDemandParameters: Sendable, Equatable {
  /// Share of permanently excluded pupils placed in AP (default 1: seed 001 — a child who
  /// cannot be placed in a mainstream school will be in alternative provision).
  public var shareToAP: Double
  /// Average length of stay in AP, in years (default 1: an assumption; set from local data).
  public var averageStayYears: Double
  /// Places already filled at the start of the first year (default 0).
  public var carriedOver: Double
  public var cost: CostDistribution

  public init(shareToAP: Double = 1, averageStayYears: Double = 1, carriedOver: Double = 0,
              cost: CostDistribution = .uniform(low: 20_000, high: 50_000)) {
    self.shareToAP = shareToAP
    self.averageStayYears = averageStayYears
    self.carriedOver = carriedOver
    self.cost = cost
  }
}

/// Places and cost from simulated exclusions.
///
/// Placements arrive evenly through each year; a placement of length L starting at a ∈ [0, 1)
/// occupies |[a, a+L] ∩ [k, k+1]| of year k after its arrival year, so the full-year-equivalent
/// places in year y are carried-over (first year only) + Σ_c placements_c · w(L, y − c) with
/// w(L, k) = ∫₀¹ |[a, a+L] ∩ [k, k+1]| da (w(L, 0) = L − L²/2 for L ≤ 1). Cost = places × cost
/// per place, the cost per place drawn once per path (it is an uncertain average, not a
/// per-pupil lottery).
public struct APDemandModel: Sendable {
  public var parameters: APDemandParameters

  public init(parameters: APDemandParameters) { self.parameters = parameters }

  /// w(L, k) in closed form: the integral of the overlap of [a, a+L] with [k, k+1] over a ∈ [0, 1].
  public static func occupancyWeight(stay L: Double, yearOffset k: Int) -> Double {
    // overlap(a) = max(0, min(a+L, k+1) − max(a, k)); integrate piecewise-linear by exact
    // evaluation at its breakpoints (Simpson on each linear piece is exact).
    let kd = Double(k)
    var pts: [Double] = [0, 1, kd - L, kd + 1 - L, kd, kd + 1].filter { $0 > 0 && $0 < 1 }
    pts += [0, 1]
    pts = Array(Set(pts)).sorted()
    func f(_ a: Double) -> Double { max(0, min(a + L, kd + 1) - max(a, kd)) }
    var total = 0.0
    for (x0, x1) in zip(pts, pts.dropFirst()) { total += (x1 - x0) * (f(x0) + f(x1)) / 2 }
    return total
  }

  /// One path: places and cost per year from the year's exclusion totals.
  public func placesAndCost(exclusions: [Double], costPerPlace: Double) -> [(places: Double, cost: Double)] {
    let p = parameters
    var out = [(Double, Double)]()
    for y in exclusions.indices {
      var places = y == 0 ? p.carriedOver : 0
      for c in 0...y { places += max(exclusions[c], 0) * p.shareToAP * Self.occupancyWeight(stay: p.averageStayYears, yearOffset: y - c) }
      out.append((places, places * costPerPlace))
    }
    return out
  }
}
