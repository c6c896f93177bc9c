import Foundation

/// Special functions for the distributions: normal and Student-t CDFs and quantiles.
public enum SpecialFunctions {
  /// Standard normal CDF Φ(x) = erfc(−x/√2)/2.
  public static func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

  /// Standard normal quantile Φ⁻¹(p), Wichura's algorithm AS 241 (PPND16, relative accuracy
  /// about 1e-16), as used by R's `qnorm`. Returns ∓∞ at p = 0 / 1 and NaN outside [0, 1].
  public static func normalQuantile(_ p: Double) -> Double {
    if p.isNaN || p < 0 || p > 1 { return .nan }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    let q = p - 0.5
    if abs(q) <= 0.425 {
      let r = 0.180625 - q * q
      let num = (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r
        + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
        + 133.14166789178437745) * r + 3.387132872796366608)
      let den = (((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) * r
        + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
        + 42.313330701600911252) * r + 1.0)
      return q * num / den
    }
    var r = q < 0 ? p : 1 - p
    r = (-log(r)).squareRoot()
    var val: Double
    if r <= 5 {
      r -= 1.6
      val = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
        + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
        + 4.6303378461565452959) * r + 1.42343711074968357734)
        / (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r
        + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r
        + 2.05319162663775882187) * r + 1.0)
    } else {
      r -= 5
      val = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r
        + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r
        + 5.4637849111641143699) * r + 6.6579046435011037772)
        / (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
        + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
        + 0.59983220655588793769) * r + 1.0)
    }
    return q < 0 ? -val : val
  }

  /// Regularised incomplete beta I_x(a, b) by Lentz's continued fraction (Numerical Recipes §6.4),
  /// relative accuracy about 1e-14.
  public static func incompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    return incompleteBeta(x: x, complement: 1 - x, logX: log(x), logComplement: log1p(-x), a: a, b: b)
  }

  /// I_x(a, b) with x and 1 − x (and their logs) given separately, so callers that know 1 − x
  /// more precisely than by subtraction (the t tail) keep that precision.
  static func incompleteBeta(x: Double, complement y: Double, logX: Double, logComplement logY: Double,
                             a: Double, b: Double) -> Double {
    if x <= 0 { return 0 }
    if y <= 0 { return 1 }
    let lnFront = a * logX + b * logY - logBeta(a, b)
    if x < (a + 1) / (a + b + 2) {
      return exp(lnFront) * betaContinuedFraction(x, a, b) / a
    }
    return 1 - exp(lnFront) * betaContinuedFraction(y, b, a) / b
  }

  /// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). When the larger argument is ≥ 10 the difference
  /// ln Γ(a) − ln Γ(a + b) is taken from Stirling's series (as R's `lbeta` does) instead of
  /// subtracting two large `lgamma` values, which would lose ~|ln Γ(a)|·1e-16 absolutely.
  static func logBeta(_ a0: Double, _ b0: Double) -> Double {
    let a = max(a0, b0), b = min(a0, b0)
    if a < 10 { return lgamma(a) + lgamma(b) - lgamma(a + b) }
    // ln Γ(a) − ln Γ(a+b) = −(a − ½)·log1p(b/a) − b·ln(a+b) + b + c(a) − c(a+b).
    let diff = -(a - 0.5) * log1p(b / a) - b * log(a + b) + b + stirlingCorrection(a) - stirlingCorrection(a + b)
    if b < 10 { return lgamma(b) + diff }
    // Both large: ln Γ(b) by Stirling too.
    return (b - 0.5) * log(b) - b + 0.5 * log(2 * Double.pi) + stirlingCorrection(b) + diff
  }

  /// c(x) = ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π] by its asymptotic series, for x ≥ 10 (error < 1e-16).
  static func stirlingCorrection(_ x: Double) -> Double {
    let r = 1 / x, r2 = r * r
    return r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 * (1.0 / 1680 - r2 * (1.0 / 1188 - r2 * 691.0 / 360360)))))
  }

  private static func betaContinuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
    let tiny = 1e-300
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1...100_000 {
      let md = Double(m)
      let m2 = 2 * md
      var aa = md * (b - md) * x / ((a + m2 - 1) * (a + m2))
      d = 1 + aa * d; if abs(d) < tiny { d = tiny }
      c = 1 + aa / c; if abs(c) < tiny { c = tiny }
      d = 1 / d; h *= d * c
      aa = -(a + md) * (a + b + md) * x / ((a + m2) * (a + m2 + 1))
      d = 1 + aa * d; if abs(d) < tiny { d = tiny }
      c = 1 + aa / c; if abs(c) < tiny { c = tiny }
      d = 1 / d
      let del = d * c
      h *= del
      if abs(del - 1) < 1e-15 { break }
    }
    return h
  }

  /// P(T > t) for t ≥ 0: ½·I_x(df/2, ½) with x = df/(df + t²), 1 − x = t²/(df + t²) computed
  /// directly, so far tails keep full relative precision.
  /// For df > 1e7 the normal approximation of Abramowitz & Stegun 26.7.8 is used (relative error
  /// O(t⁴/df²) < 1e-10 for |t| < 40; the continued fraction would need too many terms):
  /// Φ(−t(1 − v)/√(1 + 2t²v)), v = 1/(4·df).
  static func studentTUpperTail(_ t: Double, df: Double) -> Double {
    if t == 0 { return 0.5 }
    if t.isInfinite { return 0 }
    if df > 1e7 {
      let v = 1 / (4 * df)
      return normalCDF(-t * (1 - v) / (1 + t * t * 2 * v).squareRoot())
    }
    let t2 = t * t
    let s = df + t2
    return 0.5 * incompleteBeta(x: df / s, complement: t2 / s, logX: -log1p(t2 / df), logComplement: log(t2 / s),
                                a: df / 2, b: 0.5)
  }

  /// Student-t CDF with `df` degrees of freedom (df may be fractional; df = ∞ gives Φ).
  /// Both tails are computed as tails (never as 1 − a rounded CDF), relative accuracy ~1e-13
  /// against R's `pt`.
  public static func studentTCDF(_ t: Double, df: Double) -> Double {
    if t.isNaN || df.isNaN || df <= 0 { return .nan }
    if df.isInfinite { return normalCDF(t) }
    let tail = studentTUpperTail(abs(t), df: df)
    return t > 0 ? 1 - tail : tail
  }

  /// Student-t CDF for a whole number of degrees of freedom by the finite series of Abramowitz &
  /// Stegun 26.7.3 (odd) / 26.7.4 (even) in θ = atan(t/√df): about df/2 multiplications instead of
  /// a continued fraction. Absolute (not relative) accuracy ~1e-15 — for averages of many CDFs
  /// such as a mixture, where far-tail relative precision does not matter; use ``studentTCDF``
  /// otherwise.
  public static func studentTCDFAbsolute(_ t: Double, df: Int) -> Double {
    if t.isNaN || df <= 0 { return .nan }
    if t.isInfinite { return t > 0 ? 1 : 0 }
    let x = t / Double(df).squareRoot()
    let r = (1 + x * x).squareRoot()
    let c2 = 1 / (1 + x * x), sinT = x / r
    var a: Double
    if df % 2 == 0 {
      var term = 1.0, sum = 1.0
      for k in stride(from: 1, to: df / 2, by: 1) {
        term *= Double(2 * k - 1) / Double(2 * k) * c2
        sum += term
      }
      a = sinT * sum
    } else {
      let cosT = 1 / r
      var term = cosT, sum = df > 1 ? cosT : 0
      for k in stride(from: 1, to: (df - 1) / 2, by: 1) {
        term *= Double(2 * k) / Double(2 * k + 1) * c2
        sum += term
      }
      a = 2 / Double.pi * (atan(x) + sinT * sum)
    }
    a = min(max(a, -1), 1)
    return 0.5 + 0.5 * a
  }

  /// Student-t quantile (R's `qt`). Closed forms for df = 1 (cot) and df = 2; otherwise a
  /// Cornish–Fisher start refined by Newton steps on log P(T > t), using the smaller tail
  /// probability so lower quantiles are as precise as upper ones (agrees with R's `qt` to ~1e-13).
  public static func studentTQuantile(_ p: Double, df: Double) -> Double {
    if p.isNaN || p < 0 || p > 1 || df.isNaN || df <= 0 { return .nan }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    if df.isInfinite || df > 1e10 { return normalQuantile(p) }
    if p == 0.5 { return 0 }
    // α = the tail beyond the quantile (1 − p is exact for p ≥ ½); the answer is ±t with P(T > t) = α.
    let alpha = p < 0.5 ? p : 1 - p
    let sign: Double = p < 0.5 ? -1 : 1
    if df == 1 { return sign / tan(Double.pi * alpha) }
    if df == 2 { return sign * (1 - 2 * alpha) / (2 * alpha * (1 - alpha)).squareRoot() }
    let z = -normalQuantile(alpha)
    let g1 = (z * z * z + z) / 4
    let g2 = (5 * pow(z, 5) + 16 * z * z * z + 3 * z) / 96
    let g3 = (3 * pow(z, 7) + 19 * pow(z, 5) + 17 * z * z * z - 15 * z) / 384
    var t = max(z + g1 / df + g2 / (df * df) + g3 / (df * df * df), z)
    let logNorm = lgamma((df + 1) / 2) - lgamma(df / 2) - 0.5 * log(df * Double.pi)
    let logAlpha = log(alpha)
    for _ in 0..<100 {
      let tail = studentTUpperTail(t, df: df)
      let logDens = logNorm - (df + 1) / 2 * log1p(t * t / df)
      // g(t) = ln P(T > t) − ln α,  g′(t) = −f(t)/P(T > t).
      let g = log(tail) - logAlpha
      let slope = -exp(logDens - log(tail))
      guard slope < 0, g.isFinite else { break }
      var next = t - g / slope
      if next <= 0 { next = t / 2 }
      if next > 10 * t { next = 10 * t }
      let step = next - t
      t = next
      if abs(step) <= 1e-11 * t { break }  // quadratic convergence: the error is now ~1e-22 relative
    }
    return sign * t
  }
}
