import Foundation

/// Maps a data interval onto a pixel interval (either may be reversed), with "nice" tick values.
public struct LinearScale: Sendable {
  public var domain: (lower: Double, upper: Double)
  public var range: (lower: Double, upper: Double)

  public init(domain: (Double, Double), range: (Double, Double)) {
    let (a, b) = domain
    self.domain = b - a > 1e-12 ? (a, b) : (a - 1, b + 1)
    self.range = range
  }

  /// The pixel position of `v` (values outside the domain are clamped to its edge).
  public func callAsFunction(_ v: Double) -> Double {
    let t = (min(max(v, domain.lower), domain.upper) - domain.lower) / (domain.upper - domain.lower)
    return range.lower + t * (range.upper - range.lower)
  }

  /// About `count` round tick values inside the domain (steps of 1, 2 or 5 × 10ⁿ).
  public func ticks(_ count: Int = 4) -> [Double] {
    let span = domain.upper - domain.lower
    let raw = span / Double(max(count, 1))
    let mag = pow(10, floor(log10(raw)))
    let step = [1.0, 2, 5, 10].map { $0 * mag }.first { $0 >= raw } ?? 10 * mag
    var v = ceil(domain.lower / step) * step
    var out = [Double]()
    while v <= domain.upper + step * 1e-9 && out.count < 20 {
      out.append(abs(v) < step * 1e-9 ? 0 : v)
      v += step
    }
    return out
  }

  /// A domain covering `values` with `pad` (a fraction of the span) either side, kept inside
  /// `bounds` when given.
  public static func paddedDomain(_ values: [Double], pad: Double = 0.08, bounds: (lower: Double?, upper: Double?) = (nil, nil)) -> (Double, Double) {
    let v = values.filter(\.isFinite)
    guard var lo = v.min(), var hi = v.max() else { return (0, 1) }
    if hi - lo < 1e-9 { let d = max(abs(hi) * 0.1, 1); lo -= d; hi += d }
    let p = (hi - lo) * pad
    lo -= p; hi += p
    if let b = bounds.lower { lo = max(lo, b) }
    if let b = bounds.upper { hi = min(hi, b) }
    return (lo, hi)
  }
}
