/// Joint draws of a forecast path on the model scale: each step keeps its own (possibly
/// calibrated) marginal distribution exactly, and the steps move together as the fitted model's
/// error correlation says (a Gaussian copula; a t copula — the multivariate t — when every step
/// is Student-t with one df, as for a regression whose σ̂ is shared by all steps).
///
/// Draw: z = L·n with L the Cholesky factor of the correlation and n standard normal; a
/// normal step is m + sd·z, a Student-t step l + s·z·w with w = √(df/χ²_df) shared by the path,
/// an empirical step its type-7 quantile at Φ(z). Sums over steps (year to date, several years)
/// are then read from the paths, never by treating steps as independent.
public struct PathSampler: Sendable {
  public let marginals: [Distribution]
  /// Lower-triangular Cholesky factor of the correlation (row-major, steps × steps).
  let factor: [Double]
  let sharedDF: Double?

  /// - Parameters:
  ///   - marginals: one distribution per step, on the model scale.
  ///   - correlation: row-major steps × steps; a malformed one (wrong size, non-finite) is
  ///     replaced by the identity only for lack of anything better — models always supply theirs.
  public init(marginals: [Distribution], correlation: [Double]) {
    self.marginals = marginals
    let n = marginals.count
    let c = correlation.count == n * n && correlation.allSatisfy(\.isFinite) ? correlation : ErrorCorrelation.identity(n)
    factor = Self.cholesky(c, n: n)
    let dfs = marginals.compactMap { d -> Double? in if case .studentT(_, _, let df) = d { return df } else { return nil } }
    sharedDF = !dfs.isEmpty && Set(dfs).count == 1 ? dfs[0] : nil
  }

  /// Cholesky of a positive semi-definite matrix: a non-positive pivot (a step perfectly
  /// determined by earlier ones, or rounding) gives a zero column instead of a failure.
  static func cholesky(_ a: [Double], n: Int) -> [Double] {
    var l = [Double](repeating: 0, count: n * n)
    for j in 0..<n {
      var d = a[j * n + j]
      for k in 0..<j { d -= l[j * n + k] * l[j * n + k] }
      let pivot = d > 1e-12 ? d.squareRoot() : 0
      l[j * n + j] = pivot
      guard pivot > 0 else { continue }
      for i in (j + 1)..<max(n, j + 1) {
        var s = a[i * n + j]
        for k in 0..<j { s -= l[i * n + k] * l[j * n + k] }
        l[i * n + j] = s / pivot
      }
    }
    return l
  }

  /// One path into `out` (count = steps): the shared t draw first, then one normal per step in
  /// order, so the first k steps of a path do not depend on how many steps follow.
  public func draw(into out: inout [Double], normals n: inout [Double], generator g: inout SeededGenerator) {
    let h = marginals.count
    let w = sharedDF.map { 1 / (2 * g.gamma(shape: $0 / 2) / $0).squareRoot() } ?? 1
    for j in 0..<h {
      n[j] = g.normal()
      var z = 0.0
      for k in 0...j { z += factor[j * h + k] * n[k] }
      switch marginals[j] {
      case .normal(let m, let sd): out[j] = m + sd * z
      case .studentT(let l, let s, let df):
        let scale = sharedDF != nil ? w : 1 / (2 * g.gamma(shape: df / 2) / df).squareRoot()
        out[j] = l + s * z * scale
      case .empirical, .affineEmpirical:
        out[j] = marginals[j].quantile(SpecialFunctions.normalCDF(z))
      }
    }
  }

  /// `count` paths, row-major (path i, step j at i·steps + j). Path i draws from its own stream
  /// (``SeededGenerator/streamSeed(_:_:)`` of `seed` and i), so the same seed gives the same
  /// first steps whatever the number of steps asked for: a year-end read from four steps and a
  /// two-year demand read from eight agree on the first year draw for draw.
  public func sample(count: Int, seed: UInt64) -> [Double] {
    let h = marginals.count
    guard h > 0, count > 0 else { return [] }
    var out = [Double](repeating: 0, count: count * h)
    var path = [Double](repeating: 0, count: h), n = path
    for i in 0..<count {
      var g = SeededGenerator(seed: SeededGenerator.streamSeed(seed, i))
      draw(into: &path, normals: &n, generator: &g)
      for j in 0..<h { out[i * h + j] = path[j] }
    }
    return out
  }
}
