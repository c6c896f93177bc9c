import Foundation

/// A seeded pseudo-random generator: xoshiro256** (Blackman & Vigna, 2018) with its state filled
/// by SplitMix64 from one 64-bit seed, so the same `--seed` gives the same draws on every machine.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64
  /// A spare standard normal from the last polar-method pair.
  private var spare: Double?

  public init(seed: UInt64) {
    var sm = SplitMix64(seed: seed)
    s0 = sm.next(); s1 = sm.next(); s2 = sm.next(); s3 = sm.next()
  }

  @inline(__always) private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

  public mutating func next() -> UInt64 {
    let result = Self.rotl(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
    s2 ^= t
    s3 = Self.rotl(s3, 45)
    return result
  }

  /// Uniform on the open interval (0, 1): 53 random bits, offset by half a step.
  public mutating func uniform() -> Double {
    (Double(next() >> 11) + 0.5) * 0x1.0p-53
  }

  /// Standard normal by Marsaglia's polar method (pairs; the second value is kept for the next call).
  public mutating func normal() -> Double {
    if let z = spare { spare = nil; return z }
    while true {
      let u = 2 * uniform() - 1, v = 2 * uniform() - 1
      let s = u * u + v * v
      if s > 0 && s < 1 {
        let f = (-2 * Foundation.log(s) / s).squareRoot()
        spare = v * f
        return u * f
      }
    }
  }

  /// Gamma(shape, 1) by Marsaglia & Tsang (2000); shape < 1 by the boost Gamma(a+1)·U^(1/a).
  public mutating func gamma(shape a: Double) -> Double {
    guard a > 0, a.isFinite else { return .nan }
    if a < 1 { return gamma(shape: a + 1) * pow(uniform(), 1 / a) }
    let d = a - 1.0 / 3.0, c = 1 / (9 * d).squareRoot()
    while true {
      var x: Double, v: Double
      repeat { x = normal(); v = 1 + c * x } while v <= 0
      v = v * v * v
      let u = uniform()
      if u < 1 - 0.0331 * x * x * x * x { return d * v }
      if Foundation.log(u) < 0.5 * x * x + d * (1 - v + Foundation.log(v)) { return d * v }
    }
  }

  /// A seed for stream `index` derived from a base seed (independent streams per series).
  public static func streamSeed(_ seed: UInt64, _ index: Int) -> UInt64 {
    var g = SeededGenerator(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
    return g.next()
  }
}
