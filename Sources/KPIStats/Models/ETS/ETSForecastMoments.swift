

/// Analytic forecast means and variances of R `forecast.ets` (Hyndman et al. 2008, ch. 6):
/// class 1 (additive error, linear: Table 6.1 / R `class1`), class 2 (multiplicative error, no
/// multiplicative season: R `class2`) and class 3 (multiplicative error and season: R `class3`,
/// Kronecker-product moment recursions). Works on R's state layout (ℓ, b, s₁ … s_m), s₁ newest.
///
/// Two deliberate departures from R 8.20, both where R's code disagrees with the book: class 1
/// puts γ on the newest seasonal state also without a trend (R's `G[3, 1]` lands on s₂ in
/// ETS(A,N,A)/(M,N,A), misstating some variances), and class 3 with a damped trend uses ℓ + φb
/// (R's ETS(M,Ad,M) means use ℓ + b). Elsewhere the results equal R's.
enum ETSForecastMoments {
  static func moments(fit: ETSFit, horizon h: Int) -> (mean: [Double], variance: [Double]) {
    guard h > 0 else { return ([], []) }
    switch (fit.model.error, fit.model.season) {
    case (.additive, _):
      let c1 = class1(fit: fit, horizon: h)
      return (c1.mu, c1.variance)
    case (.multiplicative, .multiplicative):
      return class3(fit: fit, horizon: h)
    case (.multiplicative, _):
      let c1 = class1(fit: fit, horizon: h)
      let s2 = fit.sigma2
      var theta = [Double](repeating: 0, count: h)
      theta[0] = c1.mu[0] * c1.mu[0]
      if h > 1 {
        for j in 1..<h {
          var acc = 0.0
          for i in 0..<j { acc += c1.c[i] * c1.c[i] * theta[j - 1 - i] }
          theta[j] = c1.mu[j] * c1.mu[j] + s2 * acc
        }
      }
      let variance = (0..<h).map { (1 + s2) * theta[$0] - c1.mu[$0] * c1.mu[$0] }
      return (c1.mu, variance)
    }
  }

  /// R's layout of the final state: ℓ, b (if trend), s₁ (newest) … s_m (next period's).
  static func rState(_ fit: ETSFit) -> [Double] {
    var x = [fit.finalStates.level]
    if fit.model.hasTrend { x.append(fit.finalStates.trend) }
    let s = fit.finalStates.seasonal
    if fit.model.hasSeason { for k in 1...s.count { x.append(s[s.count - k]) } }
    return x
  }

  /// R `class1`: μ_h = H F^{h−1} x, c_j = H F^{j−1} G, Var = σ²(1 + Σ_{j<h} c_j²).
  static func class1(fit: ETSFit, horizon h: Int) -> (mu: [Double], variance: [Double], c: [Double]) {
    let x = rState(fit)
    let p = x.count
    let m = fit.period
    let model = fit.model
    let phi = model.damped ? fit.parameters.phi : 1
    let seasonal = model.hasSeason  // class 1/2 are additive-season only
    var hRow = [Double](repeating: 0, count: p)
    hRow[0] = 1
    if seasonal { hRow[p - 1] = 1 }
    if model.hasTrend { hRow[1] = phi }
    var g = [Double](repeating: 0, count: p)
    g[0] = fit.parameters.alpha
    if model.hasTrend { g[1] = fit.parameters.beta }
    if seasonal { g[model.hasTrend ? 2 : 1] = fit.parameters.gamma }
    // row ← row·F without forming F.
    func timesF(_ r: [Double]) -> [Double] {
      var out = [Double](repeating: 0, count: p)
      out[0] = r[0]
      if model.hasTrend { out[1] = phi * r[0] + phi * r[1] }
      if seasonal {
        let first = p - m
        // F[first, p−1] = 1 and F[first+1+i, first+i] = 1 (i < m−1): column first+i gets r[first+1+i].
        for i in 0..<(m - 1) { out[first + i] = r[first + 1 + i] }
        out[p - 1] = r[first]
      }
      return out
    }
    func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
    var mu = [Double](repeating: 0, count: h)
    var c = [Double](repeating: 0, count: max(h - 1, 0))
    var row = hRow
    for i in 0..<h {
      mu[i] = dot(row, x)
      if i < h - 1 { c[i] = dot(row, g) }
      row = timesF(row)
    }
    let s2 = fit.sigma2
    var variance = [Double](repeating: s2, count: h)
    var cum = 0.0
    for i in 1..<max(h, 1) {
      cum += c[i - 1] * c[i - 1]
      variance[i] = s2 * (1 + cum)
    }
    return (mu, variance, c)
  }

  /// R `class3` for ETS(M,N,M), (M,A,M), (M,Ad,M).
  static func class3(fit: ETSFit, horizon h: Int) -> (mean: [Double], variance: [Double]) {
    let model = fit.model
    let m = fit.period
    let x = rState(fit)
    let p = x.count
    let t = model.hasTrend ? 2 : 1
    let s2 = fit.sigma2
    let a = fit.parameters.alpha, b = fit.parameters.beta, gm = fit.parameters.gamma
    let phi = model.damped ? fit.parameters.phi : 1
    var h1 = MomentMatrix(rows: 1, cols: t, fill: 1)
    var h2 = MomentMatrix(rows: 1, cols: m, fill: 0); h2[0, m - 1] = 1
    var f1 = MomentMatrix(rows: t, cols: t, fill: 0), g1 = MomentMatrix(rows: t, cols: t, fill: 0)
    if t == 1 {
      f1[0, 0] = 1; g1[0, 0] = a
    } else {
      // State (ℓ, b) with ℓ + φb the level forecast (the book's class 3). R's `class3` has
      // H1 = (1, 1), F1 = [1 1; 0 φ], G1 = [α α; β β], the same when φ = 1 but for damped
      // trends a model of (ℓ, φb) fed with (ℓ, b).
      h1[0, 1] = phi
      f1[0, 0] = 1; f1[0, 1] = phi; f1[1, 1] = phi
      g1[0, 0] = a; g1[0, 1] = a * phi; g1[1, 0] = b; g1[1, 1] = b * phi
    }
    var f2 = MomentMatrix(rows: m, cols: m, fill: 0)
    f2[0, m - 1] = 1
    for i in 1..<m { f2[i, i - 1] = 1 }
    var g2 = MomentMatrix(rows: m, cols: m, fill: 0)
    g2[0, m - 1] = gm
    var mh = MomentMatrix(rows: t, cols: m, fill: 0)
    for i in 0..<t { for j in 0..<m { mh[i, j] = x[i] * x[p - m + j] } }
    let d = t * m
    var vh = MomentMatrix(rows: d, cols: d, fill: 0)
    let h21 = h2.kron(h1), f21 = f2.kron(f1), g21 = g2.kron(g1)
    let k = g2.kron(f1) + f2.kron(g1)
    let f21t = f21.transposed, g21t = g21.transposed, kt = k.transposed, h21t = h21.transposed
    let f2t = f2.transposed, g2t = g2.transposed
    var mean = [Double](repeating: 0, count: h)
    var variance = [Double](repeating: 0, count: h)
    for i in 0..<h {
      let mu = (h1 * mh * h2.transposed)[0, 0]
      mean[i] = mu
      variance[i] = (1 + s2) * (h21 * vh * h21t)[0, 0] + s2 * mu * mu
      let vec = mh.vectorised  // column-major vec, as R's c(Mh)
      let vv = vec * vec.transposed
      let term = f21 * vh * g21t + g21 * vh * f21t + k * (vh + vv) * kt + s2 * (g21 * (3 * vh + 2 * vv) * g21t)
      vh = f21 * vh * f21t + s2 * term
      mh = f1 * mh * f2t + s2 * (g1 * mh * g2t)
    }
    return (mean, variance)
  }
}
