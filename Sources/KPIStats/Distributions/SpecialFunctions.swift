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
    let lnFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
    if x < (a + 1) / (a + b + 2) {
      return exp(lnFront) * betaContinuedFraction(x, a, b) / a
    }
    return 1 - exp(lnFront) * betaContinuedFraction(1 - x, b, a) / b
  }

  private static func betaContinuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
    let tiny = 1e-300
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1...10_000 {
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
      if abs(del - 1) < 1e-16 { break }
    }
    return h
  }

  /// Student-t CDF with `df` degrees of freedom (df may be fractional; df = ∞ gives Φ).
  public static func studentTCDF(_ t: Double, df: Double) -> Double {
    if t.isNaN || df.isNaN || df <= 0 { return .nan }
    if df.isInfinite { return normalCDF(t) }
    if t.isInfinite { return t > 0 ? 1 : 0 }
    let x = df / (df + t * t)
    let tail = 0.5 * incompleteBeta(x, a: df / 2, b: 0.5)
    return t > 0 ? 1 - tail : tail
  }

  /// Student-t quantile: Hill's (1970) approximation refined by Newton steps on `studentTCDF`
  /// until the step is below 1e-13 relative (agrees with R's `qt` to about 1e-12).
  public static func studentTQuantile(_ p: Double, df: Double) -> Double {
    if p.isNaN || p < 0 || p > 1 || df.isNaN || df <= 0 { return .nan }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    if df.isInfinite || df > 1e7 { return normalQuantile(p) }
    if p == 0.5 { return 0 }
    if p < 0.5 { return -studentTQuantile(1 - p, df: df) }
    // Closed forms for df = 1 and 2.
    if df == 1 { return tan(Double.pi * (p - 0.5)) }
    if df == 2 { let a = 4 * p * (1 - p); return 2 * (p - 0.5) * (2 / a).squareRoot() }
    // Cornish–Fisher start from the normal quantile.
    let z = normalQuantile(p)
    let g1 = (z * z * z + z) / 4
    let g2 = (5 * pow(z, 5) + 16 * z * z * z + 3 * z) / 96
    let g3 = (3 * pow(z, 7) + 19 * pow(z, 5) + 17 * z * z * z - 15 * z) / 384
    var t = z + g1 / df + g2 / (df * df) + g3 / (df * df * df)
    let logNorm = lgamma((df + 1) / 2) - lgamma(df / 2) - 0.5 * log(df * Double.pi)
    for _ in 0..<60 {
      let f = studentTCDF(t, df: df) - p
      let dens = exp(logNorm - (df + 1) / 2 * log1p(t * t / df))
      guard dens > 0 else { break }
      var step = f / dens
      if abs(step) > 1 + abs(t) { step = step > 0 ? (1 + abs(t)) / 2 : -(1 + abs(t)) / 2 }
      t -= step
      if abs(step) <= 1e-13 * max(1, abs(t)) { break }
    }
    return t
  }
}
