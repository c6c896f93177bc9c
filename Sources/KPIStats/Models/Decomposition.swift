/// Autocorrelation, the seasonality test used by R's `forecast::thetaf` and the M4 benchmarks, and
/// classical multiplicative decomposition (R `stats::decompose(type = "multiplicative")`).
public enum Decomposition {
  /// Sample autocorrelations r_1 … r_maxLag, R `acf`: r_k = Σ_{t≤n−k}(x_t − x̄)(x_{t+k} − x̄) / Σ(x_t − x̄)².
  /// Returns zeros for a constant series.
  public static func autocorrelations(_ x: [Double], maxLag: Int) -> [Double] {
    let n = x.count
    guard n > 1, maxLag >= 1 else { return [] }
    let mean = x.reduce(0, +) / Double(n)
    var c0 = 0.0
    for v in x { c0 += (v - mean) * (v - mean) }
    var r = [Double](repeating: 0, count: maxLag)
    guard c0 > 0 else { return r }
    for k in 1...maxLag where k < n {
      var s = 0.0
      for t in 0..<(n - k) { s += (x[t] - mean) * (x[t + k] - mean) }
      r[k - 1] = s / c0
    }
    return r
  }

  /// The 90% one-sided ACF test at lag m (Makridakis et al., M4 benchmark code; R `thetaf`):
  /// seasonal when |r_m| > 1.645·√((1 + 2Σ_{k<m} r_k²)/n). Needs `n ≥ minimumCycles·m` values
  /// (M4 uses 3; `thetaf` uses n > 2m, i.e. 2 cycles plus one) and a non-constant series.
  public static func isSeasonal(_ x: [Double], period m: Int, minimumLength: Int? = nil) -> Bool {
    let n = x.count
    guard m > 1, n >= (minimumLength ?? 3 * m) else { return false }
    guard let lo = x.min(), let hi = x.max(), lo < hi else { return false }
    let r = autocorrelations(x, maxLag: m)
    var sum = 1.0
    for k in 0..<(m - 1) { sum += 2 * r[k] * r[k] }
    let limit = 1.6448536269514722 * (sum / Double(n)).squareRoot()
    return abs(r[m - 1]) > limit
  }

  /// Multiplicative seasonal indices by position: index[i] applies to positions i, i+m, i+2m…
  /// from the series' start. Centred 2×m (even m) or m (odd m) moving average as trend, ratios
  /// y/trend averaged per position, normalised to mean 1 (R `decompose`, type multiplicative).
  /// Returns `nil` with fewer than two full cycles or a non-positive trend value.
  public static func multiplicativeIndices(_ x: [Double], period m: Int) -> [Double]? {
    seasonalIndices(x, period: m, multiplicative: true)
  }

  /// Additive seasonal effects by position (R `decompose`, type additive): y − trend averaged
  /// per position, centred to mean 0. For series on a log or logit scale, which may be negative.
  public static func additiveIndices(_ x: [Double], period m: Int) -> [Double]? {
    seasonalIndices(x, period: m, multiplicative: false)
  }

  static func seasonalIndices(_ x: [Double], period m: Int, multiplicative: Bool) -> [Double]? {
    let n = x.count
    guard m > 1, n >= 2 * m else { return nil }
    // Filter weights, centred: offset m/2 (even: length m+1 with half weights at the ends).
    let weights: [Double] = m % 2 == 0
      ? [0.5 / Double(m)] + [Double](repeating: 1 / Double(m), count: m - 1) + [0.5 / Double(m)]
      : [Double](repeating: 1 / Double(m), count: m)
    let half = weights.count / 2
    var sums = [Double](repeating: 0, count: m)
    var counts = [Int](repeating: 0, count: m)
    for t in half..<(n - (weights.count - 1 - half)) {
      var trend = 0.0
      for (j, w) in weights.enumerated() { trend += w * x[t - half + j] }
      guard trend.isFinite, !multiplicative || trend > 0 else { return nil }
      sums[t % m] += multiplicative ? x[t] / trend : x[t] - trend
      counts[t % m] += 1
    }
    guard counts.allSatisfy({ $0 > 0 }) else { return nil }
    var figure = (0..<m).map { sums[$0] / Double(counts[$0]) }
    let mean = figure.reduce(0, +) / Double(m)
    if multiplicative {
      guard mean > 0 else { return nil }
      for i in 0..<m { figure[i] /= mean }
    } else {
      for i in 0..<m { figure[i] -= mean }
    }
    return figure
  }
}
