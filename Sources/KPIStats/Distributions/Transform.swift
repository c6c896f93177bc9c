import Foundation

/// A variance-stabilising transform applied before fitting and undone on every forecast quantile.
///
/// - `logit(lower:upper:epsilon:)` maps (lower, upper) onto ℝ by log((y−lo)/(hi−y)). Values at or
///   beyond a bound are first moved `epsilon` inside it (see ``Transform/logitEpsilon(for:lower:upper:)``),
///   so 0% and 100% are usable; back-transformed values always lie within the bounds (strictly
///   inside unless the model-scale value is beyond about ±37, where the logistic rounds to 0 or 1).
/// - `sqrt` and `log1p` accept zeros; `log` refuses values ≤ 0. Back-transforms clamp at 0 so a
///   count band never goes below zero.
public enum Transform: Sendable, Equatable, Hashable {
  case none
  case log
  case log1p
  case sqrt
  case logit(lower: Double, upper: Double, epsilon: Double)

  /// Short name used in output (`model` column).
  public var name: String {
    switch self {
    case .none: return "none"
    case .log: return "log"
    case .log1p: return "log1p"
    case .sqrt: return "sqrt"
    case .logit: return "logit"
    }
  }

  /// The open/closed range of data values the transform accepts without clamping, if bounded.
  public var domain: (Double, Double)? {
    switch self {
    case .logit(let lo, let hi, _): return (lo, hi)
    case .log, .log1p, .sqrt: return (0, .infinity)
    case .none: return nil
    }
  }

  /// Whether `y` can be transformed (before any clamping).
  public func accepts(_ y: Double) -> Bool {
    guard y.isFinite else { return false }
    switch self {
    case .none, .logit: return true
    case .log: return y > 0
    case .log1p, .sqrt: return y >= 0
    }
  }

  /// Forward transform. With `clamping`, out-of-domain values are moved to the domain's edge
  /// (used for probabilities of thresholds, never for fitting data).
  public func forward(_ y: Double, clamping: Bool = false) -> Double {
    switch self {
    case .none: return y
    case .log: return Foundation.log(clamping ? max(y, Double.leastNormalMagnitude) : y)
    case .log1p: return Foundation.log1p(clamping ? max(y, 0) : y)
    case .sqrt: return (clamping ? max(y, 0) : y).squareRoot()
    case .logit(let lo, let hi, let eps):
      let v = min(max(y, lo + eps), hi - eps)
      return Foundation.log((v - lo) / (hi - v))
    }
  }

  /// Inverse transform; the result always lies in the transform's domain.
  public func inverse(_ z: Double) -> Double {
    switch self {
    case .none: return z
    case .log: return exp(z)
    case .log1p: return max(expm1(z), 0)
    case .sqrt: return z <= 0 ? 0 : z * z
    case .logit(let lo, let hi, _):
      if z.isNaN { return .nan }
      if z == .infinity { return hi }
      if z == -.infinity { return lo }
      // Stable logistic.
      let s = z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
      return lo + (hi - lo) * s
    }
  }

  /// The documented 0%/100% rule: ε is half the smallest positive distance of any observation
  /// from a bound, capped at 0.5% of the range (0.5 points on a 0–100 scale); when no
  /// observation lies strictly inside, ε is that cap, and when every observation sits on the
  /// same bound (a constant 100%) a tenth of it (0.05 points on 0–100).
  public static func logitEpsilon(for values: [Double], lower: Double, upper: Double) -> Double {
    let cap = 0.005 * (upper - lower)
    // Every value on a bound (a constant 100%): a tenth of the cap, so the forecast stays next
    // to the observed bound while its band still has width.
    let finite = values.filter(\.isFinite)
    if let first = finite.first, first == lower || first == upper, finite.allSatisfy({ $0 == first }) {
      return cap / 10
    }
    var best = Double.infinity
    for v in values where v.isFinite {
      let d1 = v - lower, d2 = upper - v
      if d1 > 0 && d1 < best { best = d1 }
      if d2 > 0 && d2 < best { best = d2 }
    }
    return best.isFinite ? min(best / 2, cap) : cap
  }
}
