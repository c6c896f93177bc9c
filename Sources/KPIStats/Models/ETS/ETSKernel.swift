import Foundation

/// The likelihood criterion of `ETSRecursion.run`, rewritten for speed inside the optimiser.
///
/// Same model, algebraically identical updates, shorter dependency chain per period: with
/// d = p − q (p the observation adjusted for season, q = ℓₜ₋₁ + φbₜ₋₁),
///   ℓₜ = q + αd,  bₜ = φbₜ₋₁ + βd  (R: bₜ = φbₜ₋₁ + (β/α)(ℓₜ − ℓₜ₋₁ − φbₜ₋₁), the same value),
///   qₜ₊₁ = ℓₜ + φbₜ = q + φ²bₜ₋₁ + (α + φβ)d.
/// Σ log|μₜ| is accumulated as a product with occasional logarithms. Results equal `run`'s up to
/// rounding (relative differences ~1e−15); the reported fit is always recomputed with `run`.
/// Each form is a separate specialisation, so the per-period loop has no model branches.
enum ETSKernel {
  protocol Form {
    static var trend: Bool { get }
    static var season: Int { get }  // 0 none, 1 additive, 2 multiplicative
    static var multiplicativeError: Bool { get }
  }

  enum F<T: Flag, S: SeasonFlag, E: Flag>: Form {
    static var trend: Bool { T.on }
    static var season: Int { S.kind }
    static var multiplicativeError: Bool { E.on }
  }
  protocol Flag { static var on: Bool { get } }
  enum Yes: Flag { static var on: Bool { true } }
  enum No: Flag { static var on: Bool { false } }
  protocol SeasonFlag { static var kind: Int { get } }
  enum SNone: SeasonFlag { static var kind: Int { 0 } }
  enum SAdd: SeasonFlag { static var kind: Int { 1 } }
  enum SMult: SeasonFlag { static var kind: Int { 2 } }

  /// The criterion n·log Σε² (+ 2Σlog|μₜ|) for one parameter set; `ring` holds the initial
  /// seasonal states in time order and is overwritten.
  @inline(__always)
  static func criterion(
    y: UnsafeBufferPointer<Double>, model: ETSModelType, m: Int, parameters p: ETSParameters,
    level: Double, trend: Double, ring: UnsafeMutableBufferPointer<Double>
  ) -> Double {
    switch (model.hasTrend, model.season, model.error) {
    case (false, .none, .additive): return run(F<No, SNone, No>.self, y, m, p, level, trend, ring)
    case (false, .none, .multiplicative): return run(F<No, SNone, Yes>.self, y, m, p, level, trend, ring)
    case (false, .additive, .additive): return run(F<No, SAdd, No>.self, y, m, p, level, trend, ring)
    case (false, .additive, .multiplicative): return run(F<No, SAdd, Yes>.self, y, m, p, level, trend, ring)
    case (false, .multiplicative, .additive): return run(F<No, SMult, No>.self, y, m, p, level, trend, ring)
    case (false, .multiplicative, .multiplicative): return run(F<No, SMult, Yes>.self, y, m, p, level, trend, ring)
    case (true, .none, .additive): return run(F<Yes, SNone, No>.self, y, m, p, level, trend, ring)
    case (true, .none, .multiplicative): return run(F<Yes, SNone, Yes>.self, y, m, p, level, trend, ring)
    case (true, .additive, .additive): return run(F<Yes, SAdd, No>.self, y, m, p, level, trend, ring)
    case (true, .additive, .multiplicative): return run(F<Yes, SAdd, Yes>.self, y, m, p, level, trend, ring)
    case (true, .multiplicative, .additive): return run(F<Yes, SMult, No>.self, y, m, p, level, trend, ring)
    case (true, .multiplicative, .multiplicative): return run(F<Yes, SMult, Yes>.self, y, m, p, level, trend, ring)
    }
  }

  @inline(never)
  static func run<Model: Form>(
    _: Model.Type, _ y: UnsafeBufferPointer<Double>, _ m: Int, _ p: ETSParameters, _ level: Double,
    _ trend: Double, _ ring: UnsafeMutableBufferPointer<Double>
  ) -> Double {
    let alpha = p.alpha, beta = p.beta, gamma = p.gamma
    let phi = Model.trend ? p.phi : 1
    let period = Model.season == 0 ? 1 : m
    let phi2 = phi * phi, k = alpha + phi * beta
    let tol = ETSRecursion.tolerance, huge = ETSRecursion.huge
    var b = Model.trend ? trend : 0
    var q = Model.trend ? level + phi * b : level
    var pos = 0
    var sse = 0.0
    var logSum = 0.0
    var product = 1.0
    var nobs = 0
    for t in 0..<y.count {
      let s = Model.season == 0 ? 0 : ring[pos]
      let f = Model.season == 0 ? q : Model.season == 1 ? q + s : q * s
      let yt = y[t]
      if yt.isNaN {
        if Model.trend {
          b = phi * b
          q = q + phi * b
        }
      } else {
        // Multiplicative season: with r = 1/(q·s), y/μ = y·r and y/q = y·s·r (R divides three
        // times; same values up to rounding). y/s stays a division: it does not depend on q, so
        // it is off the critical path qₜ → qₜ₊₁, whereas y·q·r would put 1/(q·s) on it.
        let r = Model.season == 2 ? 1 / f : 0
        let e: Double
        if Model.multiplicativeError {
          e = Model.season == 2 ? yt * r - 1 : (yt - f) / f
        } else {
          e = yt - f
        }
        sse += e * e
        if Model.multiplicativeError {
          let af = abs(f)
          if af > 1e-100 && af < 1e100 {
            product *= af
            if product > 1e150 || product < 1e-150 { logSum += log(product); product = 1 }
          } else {
            logSum += log(af)
          }
        }
        nobs += 1
        let adj: Double
        switch Model.season {
        case 0: adj = yt
        case 1: adj = yt - s
        default: adj = abs(s) < tol ? huge : yt / s
        }
        let d = adj - q
        switch Model.season {
        case 0: break
        case 1: ring[pos] = s + gamma * ((yt - q) - s)
        default: ring[pos] = s + gamma * ((abs(q) < tol ? huge : yt * s * r) - s)
        }
        if Model.trend {
          // qₜ₊₁ = ℓₜ + φbₜ = (q + φ²bₜ₋₁) + (α + φβ)d: three operations on the critical path.
          let base = q + phi2 * b
          b = phi * b + beta * d
          q = base + k * d
        } else {
          q = q + alpha * d
        }
      }
      if Model.season != 0 {
        pos += 1
        if pos == period { pos = 0 }
      }
    }
    var c = Double(nobs) * log(sse)
    if Model.multiplicativeError { c += 2 * (logSum + log(product)) }
    return c
  }
}
