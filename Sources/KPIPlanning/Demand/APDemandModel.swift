import Foundation
import KPIStats

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
