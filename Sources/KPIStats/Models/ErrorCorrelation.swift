

/// Correlation matrices of the common forecast-error structures (row-major, unit diagonal).
public enum ErrorCorrelation {
  /// From a covariance matrix (row-major n × n); a step with zero variance is uncorrelated.
  public static func fromCovariance(_ c: [Double], n: Int) -> [Double] {
    var r = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
      for j in 0..<n {
        let d = (c[i * n + i] * c[j * n + j]).squareRoot()
        r[i * n + j] = i == j ? 1 : (d > 0 && d.isFinite ? c[i * n + j] / d : 0)
      }
    }
    return r
  }

  /// Linear innovations e_h = ε_h + Σ_{j<h} c_{h−j} ε_j (ψ-weights `c[0]` = c₁ …): Cov(h, k) =
  /// Σ_{i ≤ min(h,k)} a_{h,i} a_{k,i} with a_{h,h} = 1, a_{h,i} = c_{h−i} (Hyndman et al. 2008 §6.1).
  public static func innovations(psi c: [Double], horizon n: Int) -> [Double] {
    func a(_ h: Int, _ i: Int) -> Double { i == h ? 1 : (h - i - 1 < c.count ? c[h - i - 1] : 0) }
    var cov = [Double](repeating: 0, count: n * n)
    for h in 1...max(n, 1) where n > 0 {
      for k in h...n {
        var s = 0.0
        for i in 1...h { s += a(h, i) * a(k, i) }
        cov[(h - 1) * n + (k - 1)] = s
        cov[(k - 1) * n + (h - 1)] = s
      }
    }
    return fromCovariance(cov, n: n)
  }

  /// A random walk per season with period m (seasonal naive; m = 1 the naive random walk):
  /// steps of one season share the walk, Cov(h, k) = min(c_h, c_k) when h ≡ k (mod m), c_h the
  /// cycle count ⌈h/m⌉; other seasons are independent.
  public static func seasonalRandomWalk(period m: Int, horizon n: Int) -> [Double] {
    let m = max(m, 1)
    var cov = [Double](repeating: 0, count: n * n)
    for h in 0..<n {
      for k in 0..<n where (h - k) % m == 0 { cov[h * n + k] = Double(min(h / m, k / m) + 1) }
    }
    return fromCovariance(cov, n: n)
  }

  /// The element-wise mean of correlation matrices (a correlation matrix again): the joint
  /// structure of a combination of models.
  public static func average(_ ms: [[Double]], n: Int) -> [Double] {
    guard !ms.isEmpty else { return identity(n) }
    var r = [Double](repeating: 0, count: n * n)
    for m in ms where m.count == n * n { for i in r.indices { r[i] += m[i] } }
    let k = Double(ms.filter { $0.count == n * n }.count)
    return k > 0 ? r.map { $0 / k } : identity(n)
  }

  /// Independent steps (only for a model with no stochastic structure, e.g. a point mass).
  public static func identity(_ n: Int) -> [Double] {
    var r = [Double](repeating: 0, count: n * n)
    for i in 0..<n { r[i * n + i] = 1 }
    return r
  }
}
