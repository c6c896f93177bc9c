

/// Ordinary least squares by Householder QR (LAPACK `dgeqrf`, `dormqr`, `dtrtrs`), never by
/// forming or inverting XᵀX.
///
/// Rank deficiency is handled as R's `lm` does (LINPACK `dqrdc2` with `tol = 1e-7`): columns are
/// taken in order and a column whose part orthogonal to the columns kept before it has norm below
/// `tolerance × its own norm` is *aliased*: it is dropped, its coefficient reported as `nil`.
public struct LeastSquaresFit: Sendable {
  /// Coefficients in the order of the design's columns; `nil` for an aliased (dropped) column.
  public let coefficients: [Double?]
  /// Indices of the columns kept (full-rank part), in design order.
  public let keptColumns: [Int]
  /// Residuals y − Xβ for every row of the design.
  public let residuals: [Double]
  /// Residual sum of squares.
  public let rss: Double
  /// Rows (n) and rank (p) of the fit: residual degrees of freedom are `n − p`.
  public let rows: Int
  public var rank: Int { keptColumns.count }
  public var residualDF: Int { rows - rank }
  /// σ̂² = RSS / (n − p); `nil` when n ≤ p (no degrees of freedom left).
  public var sigma2: Double? { residualDF > 0 ? rss / Double(residualDF) : nil }

  /// Upper-triangular R (rank × rank, column-major) of the kept columns.
  let r: [Double]

  /// x₀ᵀ(XᵀX)⁻¹x₀ computed as ‖R⁻ᵀx₀‖² (one triangular solve, `dtrtrs`). `x0` has one entry per
  /// design column; entries of aliased columns are ignored, as R's `predict.lm` does.
  /// - Throws: `LAPACKError.badShape` when `x0` does not have one entry per design column.
  public func leverage(_ x0: [Double]) throws -> Double {
    guard x0.count == coefficients.count else {
      throw LAPACKError.badShape("leverage: x0 has \(x0.count) entries, the design \(coefficients.count) columns")
    }
    guard !keptColumns.isEmpty else { return 0 }
    var z = keptColumns.map { x0[$0] }
    try LAPACK.dtrtrs(r: r, lda: rank, order: rank, transpose: true, b: &z)
    return z.reduce(0) { $0 + $1 * $1 }
  }

  /// R⁻ᵀx₀ over the kept columns (`dtrtrs`), so x₀ᵀ(XᵀX)⁻¹x₁ = (R⁻ᵀx₀)·(R⁻ᵀx₁): the shared
  /// parameter error between two predictions.
  /// - Throws: `LAPACKError.badShape` when `x0` does not have one entry per design column.
  public func whitened(_ x0: [Double]) throws -> [Double] {
    guard x0.count == coefficients.count else {
      throw LAPACKError.badShape("whitened: x0 has \(x0.count) entries, the design \(coefficients.count) columns")
    }
    guard !keptColumns.isEmpty else { return [] }
    var z = keptColumns.map { x0[$0] }
    try LAPACK.dtrtrs(r: r, lda: rank, order: rank, transpose: true, b: &z)
    return z
  }

  /// The fitted linear predictor x₀ᵀβ at a new row (aliased columns contribute nothing).
  /// NaN when `x0` does not have one entry per design column.
  public func predict(_ x0: [Double]) -> Double {
    guard x0.count == coefficients.count else { return .nan }
    var s = 0.0
    for (j, c) in coefficients.enumerated() { if let c { s += c * x0[j] } }
    return s
  }
}

/// Solves min ‖y − Xβ‖² for a design given as rows (each row has the same number of columns).
/// - Throws: `LeastSquaresError` for empty or non-finite input; `LAPACKError` if LAPACK reports
///   a failure.
public func leastSquares(design rowsX: [[Double]], response y: [Double], tolerance: Double = 1e-7) throws -> LeastSquaresFit {
  let n = rowsX.count
  guard n > 0 else { throw LeastSquaresError.noRows }
  guard y.count == n else { throw LeastSquaresError.lengthMismatch(rows: n, responses: y.count) }
  let p = rowsX[0].count
  guard p > 0 else { throw LeastSquaresError.noColumns }
  for i in 0..<n where rowsX[i].count != p { throw LeastSquaresError.nonFinite(row: i) }
  var x = [Double](repeating: 0, count: n * p)
  for c in 0..<p { for i in 0..<n { x[c * n + i] = rowsX[i][c] } }
  return try leastSquares(columnMajor: x, rows: n, columns: p, response: y, tolerance: tolerance)
}

/// As ``leastSquares(design:response:tolerance:)`` for a design stored column by column
/// (`x[c·rows + i]` is row i, column c), as LAPACK takes it: no array per row.
public func leastSquares(columnMajor x: [Double], rows n: Int, columns p: Int, response y: [Double],
                         tolerance: Double = 1e-7) throws -> LeastSquaresFit {
  guard n > 0 else { throw LeastSquaresError.noRows }
  guard y.count == n else { throw LeastSquaresError.lengthMismatch(rows: n, responses: y.count) }
  guard p > 0 else { throw LeastSquaresError.noColumns }
  guard x.count == n * p else { throw LeastSquaresError.nonFinite(row: min(x.count / p, n - 1)) }
  for i in 0..<n {
    var finite = y[i].isFinite
    for c in 0..<p where !x[c * n + i].isFinite { finite = false }
    if !finite { throw LeastSquaresError.nonFinite(row: i) }
  }
  // Column norms, for the aliasing test relative to each column's own size.
  var norms = [Double](repeating: 0, count: p)
  for j in 0..<p { var s = 0.0; for i in 0..<n { s += x[j * n + i] * x[j * n + i] }; norms[j] = s.squareRoot() }

  var kept = [Int]()
  var qr = [Double]()
  var tau = [Double]()
  // Common case first: one factorisation of all columns; accepted when every diagonal of R passes
  // the aliasing test. Otherwise columns are taken greedily in order, as dqrdc2 does.
  if n >= p && norms.allSatisfy({ $0 > 0 }) {
    var a = x
    let t = try LAPACK.dgeqrf(&a, rows: n, cols: p)
    if (0..<p).allSatisfy({ abs(a[$0 * n + $0]) > tolerance * norms[$0] }) {
      kept = Array(0..<p); qr = a; tau = t
    }
  }
  if kept.isEmpty {
    for j in 0..<p {
      if norms[j] == 0 { continue }
      if kept.count >= n { continue }  // n ≤ p: later columns cannot be estimated
      let trial = kept + [j]
      var a = [Double](repeating: 0, count: n * trial.count)
      for (c, col) in trial.enumerated() { for i in 0..<n { a[c * n + i] = x[col * n + i] } }
      let t = try LAPACK.dgeqrf(&a, rows: n, cols: trial.count)
      let k = trial.count - 1
      if abs(a[k * n + k]) > tolerance * norms[j] {
        kept = trial; qr = a; tau = t
      }
    }
  }
  guard !kept.isEmpty else {
    // Every column is zero: the fit is β = 0 and all of y is residual.
    let rss = y.reduce(0) { $0 + $1 * $1 }
    return LeastSquaresFit(coefficients: Array(repeating: nil, count: p), keptColumns: [], residuals: y, rss: rss, rows: n, r: [])
  }
  let k = kept.count
  var qty = y
  try LAPACK.dormqrTransposed(qr: qr, tau: tau, rows: n, reflectors: k, c: &qty, cols: 1)
  var r = [Double](repeating: 0, count: k * k)
  for c in 0..<k { for i in 0...c { r[c * k + i] = qr[c * n + i] } }
  var beta = Array(qty[0..<k])
  try LAPACK.dtrtrs(r: r, lda: k, order: k, transpose: false, b: &beta)
  var coefficients = [Double?](repeating: nil, count: p)
  for (c, col) in kept.enumerated() { coefficients[col] = beta[c] }
  var residuals = [Double](repeating: 0, count: n)
  var rss = 0.0
  for i in 0..<n {
    var f = 0.0
    for (c, col) in kept.enumerated() { f += x[col * n + i] * beta[c] }
    residuals[i] = y[i] - f
    rss += residuals[i] * residuals[i]
  }
  return LeastSquaresFit(coefficients: coefficients, keptColumns: kept, residuals: residuals, rss: rss, rows: n, r: r)
}
