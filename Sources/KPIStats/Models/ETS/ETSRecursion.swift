import Foundation

/// The ETS state recursions and the likelihood criterion, as R `forecast`'s C code `etscalc`
/// (functions `forecast` and `update` in `src/etscalc.c`; Hyndman et al. 2008, §2.5 and Table 2.1).
///
/// With one-step forecast μₜ = q·s or q + s (q = ℓₜ₋₁ + φbₜ₋₁, s = sₜ₋ₘ) and error
/// εₜ = yₜ − μₜ (additive) or (yₜ − μₜ)/μₜ (multiplicative):
///   ℓₜ = q + α(p − q), p = yₜ, yₜ − s or yₜ/s (by season form);
///   bₜ = φbₜ₋₁ + (β/α)(ℓₜ − ℓₜ₋₁ − φbₜ₋₁);
///   sₜ = s + γ(t − s), t = yₜ − q or yₜ/q.
/// The criterion minimised is n·log(Σεₜ²) + 2·Σlog|μₜ| (the last term for multiplicative errors
/// only), i.e. −2 log-likelihood up to a constant; R reports `loglik = −½ × criterion`.
///
/// Missing values (NaN): the update is skipped (ℓₜ = q, bₜ = φbₜ₋₁, the seasonal state carries
/// over) and the period leaves the likelihood, with n counting observed periods only (what the
/// C code of later `forecast` versions does; R 8.20's `ets` instead keeps the longest run without
/// gaps, `na.contiguous`).
enum ETSRecursion {
  static let tolerance = 1e-10
  static let huge = 1e10

  /// Runs the recursion over `y` from the initial states; `ring` (length ≥ m) receives the seasonal
  /// states, in time order, and must hold the initial seasonal states on entry. Writes one-step
  /// forecasts and errors if the output pointers are given. Returns the criterion, and the final
  /// level, trend and ring position.
  @inline(__always)
  static func run(
    y: UnsafeBufferPointer<Double>, model: ETSModelType, m: Int, parameters: ETSParameters,
    level: Double, trend: Double, ring: UnsafeMutableBufferPointer<Double>,
    fitted: UnsafeMutableBufferPointer<Double>? = nil, errors: UnsafeMutableBufferPointer<Double>? = nil
  ) -> Outcome {
    let alpha = parameters.alpha
    let betaOverAlpha = parameters.beta / alpha
    let gamma = parameters.gamma
    let phi = model.damped ? parameters.phi : 1
    let hasTrend = model.trend == .additive
    let season = model.season
    let multError = model.error == .multiplicative
    var l = level
    var b = hasTrend ? trend : 0
    var pos = 0
    var sse = 0.0
    var mse = 0.0      // R's amse[0]: running mean of (yₜ − μₜ)², updated as R does
    var sumSquaredOverN = 0.0, sumAbsOverN = 0.0  // R's "sigma" and "mae" sums of e²/n, |e|/n
    let nTotal = Double(y.count)
    var logSum = 0.0
    var nobs = 0
    let period = season == .none ? 1 : m
    for t in 0..<y.count {
      let phib = hasTrend ? phi * b : 0
      let q = l + phib
      let s = season == .none ? 0 : ring[pos]
      let f: Double
      switch season {
      case .none: f = q
      case .additive: f = q + s
      case .multiplicative: f = q * s
      }
      let yt = y[t]
      if let fitted { fitted[t] = f }
      if yt.isNaN {
        if let errors { errors[t] = .nan }
        l = q
        b = phib
      } else {
        let e = multError ? (yt - f) / f : yt - f
        if let errors { errors[t] = e }
        sse += e * e
        let d = yt - f
        mse = (mse * Double(nobs) + d * d) / Double(nobs + 1)
        sumSquaredOverN += e * e / nTotal
        sumAbsOverN += abs(e) / nTotal
        if multError { logSum += log(abs(f)) }
        nobs += 1
        let p: Double
        switch season {
        case .none: p = yt
        case .additive: p = yt - s
        case .multiplicative: p = abs(s) < tolerance ? huge : yt / s
        }
        let newLevel = q + alpha * (p - q)
        if hasTrend { b = phib + betaOverAlpha * ((newLevel - l) - phib) }
        switch season {
        case .none: break
        case .additive: ring[pos] = s + gamma * ((yt - q) - s)
        case .multiplicative: ring[pos] = s + gamma * ((abs(q) < tolerance ? huge : yt / q) - s)
        }
        l = newLevel
      }
      pos += 1
      if pos == period { pos = 0 }
    }
    var criterion = Double(nobs) * log(sse)
    if multError { criterion += 2 * logSum }
    return Outcome(criterion: criterion, level: l, trend: b, position: pos, observed: nobs, sse: sse, mse: mse,
                   meanSquaredError: sumSquaredOverN, meanAbsoluteError: sumAbsOverN)
  }

  struct Outcome {
    /// n·log Σε² (+ 2Σlog|μₜ|).
    var criterion: Double
    var level: Double
    var trend: Double
    var position: Int
    var observed: Int
    var sse: Double
    /// Mean squared one-step error on the data scale (R `amse[1]`, opt.crit = "mse").
    var mse: Double
    /// Σε²/n and Σ|ε|/n (R opt.crit = "sigma" and "mae").
    var meanSquaredError: Double
    var meanAbsoluteError: Double
  }

  /// Point forecasts for steps 1…h from final states (R `etsforecast`): (ℓ + φₕb)·s or + s,
  /// φₕ = φ + … + φʰ. `seasonal` is in time order from the next period.
  static func pointForecasts(model: ETSModelType, parameters: ETSParameters, states: ETSStates, horizon: Int) -> [Double] {
    guard horizon > 0 else { return [] }
    let phi = model.damped ? parameters.phi : 1
    var out = [Double](repeating: 0, count: horizon)
    var phiStar = phi
    var phiPower = 1.0
    for i in 0..<horizon {
      var f = states.level
      if model.hasTrend { f += phiStar * states.trend }
      let m = states.seasonal.count
      switch model.season {
      case .none: break
      case .additive: f += states.seasonal[i % m]
      case .multiplicative: f *= states.seasonal[i % m]
      }
      out[i] = f
      phiPower *= phi
      phiStar += abs(phi - 1) < tolerance ? 1 : phiPower * phi
    }
    return out
  }
}
