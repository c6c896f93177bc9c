import Foundation

/// Starting values for the ETS optimiser, as R `forecast` 8.20 `initparam` and `initstate`.
enum ETSInitialization {
  /// R `initparam` (usual bounds): α = l + 0.2(u − l)/m, β = l + 0.1(min(u, α) − l),
  /// γ = l + 0.05(min(u, 1 − α) − l), φ = l + 0.99(u − l); m = 1 for a non-seasonal model.
  /// Given (fixed) values are used as they are.
  static func parameters(
    model: ETSModelType, m: Int, bounds: ETSAdmissibility.Bounds, fixed: ETSFixedParameters = .init()
  ) -> ETSParameters {
    let lo = bounds.lower, up = bounds.upper
    let mm = Double(model.hasSeason ? m : 1)
    var alpha = lo.alpha + 0.2 * (up.alpha - lo.alpha) / mm
    if alpha > 1 || alpha < 0 { alpha = lo.alpha + 0.002 }
    if let a = fixed.alpha { alpha = a }
    var p = ETSParameters(alpha: alpha)
    if model.hasTrend {
      let u = min(up.beta, alpha)
      var beta = lo.beta + 0.1 * (u - lo.beta)
      if beta < 0 || beta > alpha { beta = alpha - 0.001 }
      p.beta = fixed.beta ?? beta
    }
    if model.hasSeason {
      let u = min(up.gamma, 1 - alpha)
      var gamma = lo.gamma + 0.05 * (u - lo.gamma)
      if gamma < 0 || gamma > 1 - alpha { gamma = 1 - alpha - 0.001 }
      p.gamma = fixed.gamma ?? gamma
    }
    if model.damped {
      var phi = lo.phi + 0.99 * (up.phi - lo.phi)
      if phi < 0 || phi > 1 { phi = up.phi - 0.001 }
      p.phi = fixed.phi ?? phi
    }
    return p
  }

  /// R `initstate`: seasonal states from a classical decomposition (`decompose`, moving-average
  /// trend) when n ≥ 3m, else from a regression on trend + first Fourier pair (`tslm(y ~ trend +
  /// fourier(y, 1))`); level (and slope) from the mean of (a regression on time over) the first
  /// max(10, 2m) seasonally adjusted values. `y` must have no gaps (gaps are interpolated by the caller).
  /// Returns states with `seasonal` in time order (index 0 = first observation; its value is the one
  /// R derives from the others).
  static func states(y: [Double], m: Int, trend: ETSTrendType, season: ETSSeasonType) throws -> ETSStates {
    let n = y.count
    var seasonal = [Double]()
    var adjusted = y
    var mm = 1
    if season != .none {
      mm = m
      guard n >= 4 else { throw ModelError.tooFewObservations(needed: 4, have: n) }
      let mult = season == .multiplicative
      let byPosition: [Double]  // seasonal component at positions 0 ..< n
      if n < 3 * m {
        let fit = try leastSquares(design: (1...n).map { t -> [Double] in
          var row = [1.0, Double(t)]
          let p = 1.0 / Double(m)
          let k = abs(2 * p - (2 * p).rounded()) > Double.ulpOfOne
          if k { row.append(sin(2 * Double.pi * p * Double(t))) }
          row.append(cos(2 * Double.pi * p * Double(t)))
          return row
        }, response: y)
        let a = fit.coefficients[0] ?? 0, b = fit.coefficients[1] ?? 0
        byPosition = (0..<n).map { i in
          let tr = a + b * Double(i + 1)
          return mult ? y[i] / tr : y[i] - tr
        }
      } else {
        let figure = decomposeFigure(y, m: m, multiplicative: mult)
        byPosition = (0..<n).map { figure[$0 % m] }
      }
      // R: init.seas = rev(seasonal[2:m]); the first is derived later from the sum.
      var free = Array(byPosition[1..<m])
      if mult {
        free = free.map { max($0, 0.01) }
        let total = free.reduce(0, +)
        if total > Double(m) {
          let denom = free.reduce(0) { $0 + $1 + 0.01 }
          free = free.map { $0 / denom }
        }
        adjusted = (0..<n).map { y[$0] / max(byPosition[$0], 0.01) }
      } else {
        adjusted = (0..<n).map { y[$0] - byPosition[$0] }
      }
      let first = (mult ? Double(m) : 0) - free.reduce(0, +)
      seasonal = [first] + free
    }
    let maxn = min(max(10, 2 * mm), n)
    let head = Array(adjusted[0..<maxn])
    switch trend {
    case .none:
      return ETSStates(level: head.reduce(0, +) / Double(maxn), seasonal: seasonal)
    case .additive:
      let fit = try leastSquares(design: (1...maxn).map { [1.0, Double($0)] }, response: head)
      var l0 = fit.coefficients[0] ?? head[0]
      var b0 = fit.coefficients[1] ?? 0
      if abs(l0 + b0) < 1e-8 {
        l0 *= 1 + 0.001
        b0 *= 1 - 0.001
      }
      return ETSStates(level: l0, trend: b0, seasonal: seasonal)
    }
  }

  /// Seasonal figure of R `stats::decompose`: centred moving average (weights ½,1,…,1,½ over m+1
  /// points for even m, equal over m for odd m), detrended by difference or ratio, averaged by
  /// position modulo m (NaN-free positions only) and centred to mean 0 (or 1).
  static func decomposeFigure(_ x: [Double], m: Int, multiplicative: Bool) -> [Double] {
    let n = x.count
    let even = m % 2 == 0
    let half = m / 2
    var sums = [Double](repeating: 0, count: m)
    var counts = [Double](repeating: 0, count: m)
    for t in 0..<n {
      guard t - half >= 0, t + half < n else { continue }
      var tr = 0.0
      if even {
        tr = 0.5 * x[t - half] + 0.5 * x[t + half]
        for k in (t - half + 1)..<(t + half) { tr += x[k] }
      } else {
        for k in (t - half)...(t + half) { tr += x[k] }
      }
      tr /= Double(m)
      let d = multiplicative ? x[t] / tr : x[t] - tr
      sums[t % m] += d
      counts[t % m] += 1
    }
    var figure = (0..<m).map { counts[$0] > 0 ? sums[$0] / counts[$0] : Double.nan }
    let mean = figure.reduce(0, +) / Double(m)
    figure = figure.map { multiplicative ? $0 / mean : $0 - mean }
    return figure
  }

  /// Linear interpolation of interior gaps, last value carried forward at the end; for the
  /// starting-value heuristics only (the likelihood skips gaps). `y[0]` must be observed.
  static func filled(_ y: [Double]) -> [Double] {
    var out = y
    var lastIndex = 0
    for t in 1..<max(y.count, 1) where !y[t].isNaN {
      if t - lastIndex > 1 {
        let a = y[lastIndex], b = y[t]
        for k in (lastIndex + 1)..<t { out[k] = a + (b - a) * Double(k - lastIndex) / Double(t - lastIndex) }
      }
      lastIndex = t
    }
    if lastIndex < y.count - 1 { for k in (lastIndex + 1)..<y.count { out[k] = y[lastIndex] } }
    return out
  }
}
