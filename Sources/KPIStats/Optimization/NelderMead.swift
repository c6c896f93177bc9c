/// Nelder–Mead simplex minimiser, step for step the algorithm of R's `optim(method = "Nelder-Mead")`
/// (`nmmin` in R's `src/appl/optim.c`, after Nash 1990, *Compact Numerical Methods*, Algorithm 19),
/// which R `forecast::ets` calls through `etsNelderMead` with reflection α = 1, contraction β = 0.5,
/// expansion γ = 2, `abstol = -Inf`, `reltol = sqrt(.Machine$double.eps)` and `maxit = 2000`.
///
/// Following R exactly (initial simplex with step 0.1·max|xᵢ|, the order of vertex replacement,
/// the shrink rule and the convergence test `f_high ≤ f_low + reltol·(|f₀| + reltol)`) makes the
/// same objective reach the same optimum as R, which is what the reference tests check. All
/// working memory is allocated once per minimiser and reused across `minimize` calls.
public struct NelderMead: Sendable {
  /// Settings, with R's `optim` / `forecast::ets` defaults.
  public struct Options: Sendable, Equatable {
    public var reflection = 1.0
    public var contraction = 0.5
    public var expansion = 2.0
    /// Relative convergence tolerance (R `reltol`).
    public var relativeTolerance = Double.ulpOfOne.squareRoot()
    /// Stop when the best value is at or below this (R `abstol`, default −∞).
    public var absoluteTolerance = -Double.infinity
    /// Maximum number of objective evaluations (R `maxit`; `ets` uses 2000).
    public var maxEvaluations = 2000

    public init() {}
  }

  /// Outcome of a minimisation.
  public struct Result: Sendable, Equatable {
    /// Best value found.
    public var value: Double
    /// Number of objective evaluations.
    public var evaluations: Int
    /// R's `convergence` code: 0 converged, 1 evaluation limit reached, 10 simplex degenerate.
    public var code: Int
    public var converged: Bool { code == 0 }
  }

  /// Value substituted for a non-finite objective (R's `big`).
  static let big = 1.0e35

  public var options: Options
  private var simplex: [Double] = []  // (n + 2) columns of n coordinates; column n + 1 is the centroid
  private var values: [Double] = []   // objective at each of the n + 1 vertices
  private var trial: [Double] = []

  public init(options: Options = Options()) { self.options = options }

  /// Minimises `objective` starting from `x`, which receives the best point found.
  ///
  /// The objective gets a buffer of `x.count` parameters and returns a value; non-finite values
  /// are treated as `1e35` (so a constraint may be imposed by returning `.infinity`).
  /// - Returns: `nil` when the objective is not finite at the starting point (R stops with
  ///   "function cannot be evaluated at initial parameters").
  public mutating func minimize(
    _ x: inout [Double], objective: (UnsafeBufferPointer<Double>) -> Double
  ) -> Result? {
    minimize(&x, bounded: { p, _ in objective(p) })
  }

  /// As ``minimize(_:objective:)``, for an objective that can stop early: it gets the point and
  /// a bound, and must return the exact value when that value is below the bound, or any value
  /// at or above the bound otherwise (e.g. without checking a constraint that costs more than
  /// the value). Every step the minimiser takes depends only on comparisons with that bound and
  /// values below it are the only ones it keeps, so the path and the result are exactly those
  /// of the plain objective. The bound is +∞ where the exact value is needed.
  public mutating func minimize(
    _ x: inout [Double], bounded objective: (UnsafeBufferPointer<Double>, Double) -> Double
  ) -> Result? {
    let n = x.count
    if simplex.count < n * (n + 2) { simplex = [Double](repeating: 0, count: n * (n + 2)) }
    if values.count < n + 1 { values = [Double](repeating: 0, count: n + 1) }
    if trial.count < n { trial = [Double](repeating: 0, count: n) }
    let opts = options
    return simplex.withUnsafeMutableBufferPointer { p in
      values.withUnsafeMutableBufferPointer { v in
        trial.withUnsafeMutableBufferPointer { b in
          x.withUnsafeMutableBufferPointer { xb in
            Self.run(n: n, x: xb, p: p, v: v, b: b, options: opts, objective: objective)
          }
        }
      }
    }
  }

  /// The centroid of every vertex but `high`, into column n + 1: for each coordinate R's sum
  /// (−x_high, then vertices 0…n in turn, then ÷ n), four coordinates at a time in SIMD lanes,
  /// which adds in the same order per lane and so gives R's values to the last bit. This is the
  /// optimiser's only O(n²) step per iteration.
  @inline(__always)
  private static func centroid(_ p: UnsafeMutableBufferPointer<Double>, n: Int, excluding high: Int) {
    guard let base = p.baseAddress else { return }
    let raw = UnsafeMutableRawPointer(base)
    let stride = n &* MemoryLayout<Double>.stride
    let out = raw + (n &+ 1) &* stride, worst = raw + high &* stride
    let dn = Double(n)
    var i = 0
    while i &+ 4 <= n {
      let off = i &* MemoryLayout<Double>.stride
      var t = -worst.loadUnaligned(fromByteOffset: off, as: SIMD4<Double>.self)
      var col = raw + off
      for _ in 0...n {
        t += col.loadUnaligned(as: SIMD4<Double>.self)
        col += stride
      }
      (out + off).storeBytes(of: t / SIMD4(repeating: dn), as: SIMD4<Double>.self)
      i &+= 4
    }
    while i < n {
      var t = -base[high &* n &+ i]
      var k = i
      for _ in 0...n { t += base[k]; k &+= n }
      base[(n &+ 1) &* n &+ i] = t / dn
      i &+= 1
    }
  }

  // Column j of the simplex is p[j*n ..< (j+1)*n]; vertex values in v[j]; b is the trial point.
  private static func run(
    n: Int, x: UnsafeMutableBufferPointer<Double>, p: UnsafeMutableBufferPointer<Double>,
    v: UnsafeMutableBufferPointer<Double>, b: UnsafeMutableBufferPointer<Double>, options: Options,
    objective: (UnsafeBufferPointer<Double>, Double) -> Double
  ) -> Result? {
    let bro = UnsafeBufferPointer(b)
    // `below`: the value only matters when it is below this (see `minimize(_:bounded:)`).
    func eval(below bound: Double = .infinity) -> Double {
      let f = objective(bro, bound)
      return f.isFinite ? f : big
    }
    for i in 0..<n { b[i] = x[i] }
    if options.maxEvaluations <= 0 {
      let f = objective(bro, .infinity)
      return Result(value: f, evaluations: 0, code: 0)
    }
    let f0 = objective(bro, .infinity)
    guard f0.isFinite else { return nil }
    guard n > 0 else { return Result(value: f0, evaluations: 1, code: 0) }
    var funcount = 1
    let convtol = options.relativeTolerance * (abs(f0) + options.relativeTolerance)
    let c = n + 1  // centroid column
    for i in 0..<n { p[i] = x[i] }
    v[0] = f0
    var low = 0
    var step = 0.0
    for i in 0..<n where 0.1 * abs(x[i]) > step { step = 0.1 * abs(x[i]) }
    if step == 0 { step = 0.1 }
    var size = 0.0
    for j in 1...n {
      for i in 0..<n { p[j * n + i] = x[i] }
      var trystep = step
      while p[j * n + j - 1] == x[j - 1] {
        p[j * n + j - 1] = x[j - 1] + trystep
        trystep *= 10
      }
      size += trystep
    }
    var oldsize = size
    var calcvert = true
    var code = 0
    let alpha = options.reflection, beta = options.contraction, gamma = options.expansion
    // Column pointers and unchecked index steps in the O(n) loops below: the loops are tiny
    // (n is 2–17 for ETS) and run millions of times, so overflow checks on i·n + j cost more
    // than the arithmetic. Every value is computed by the same expression as before.
    guard let P = p.baseAddress, let B = b.baseAddress else { return nil }
    let C = P + c &* n  // centroid column
    func column(_ j: Int) -> UnsafeMutablePointer<Double> { P + j &* n }
    func copy(_ from: UnsafeMutablePointer<Double>, to: UnsafeMutablePointer<Double>) {
      var i = 0
      while i < n { to[i] = from[i]; i &+= 1 }
    }
    repeat {
      if calcvert {
        for j in 0...n where j != low {
          copy(column(j), to: B)
          v[j] = eval()
          funcount += 1
        }
        calcvert = false
      }
      var vl = v[low], vh = vl
      var high = low
      for j in 0...n where j != low {
        let f = v[j]
        if f < vl { low = j; vl = f }
        if f > vh { high = j; vh = f }
      }
      if vh <= vl + convtol || vl <= options.absoluteTolerance { break }

      let H = column(high)
      centroid(p, n: n, excluding: high)
      var i = 0
      while i < n { B[i] = (1 + alpha) * C[i] - alpha * H[i]; i &+= 1 }
      // The reflected value matters only below the highest vertex's (it is kept only then; at
      // or above it, the contraction and shrink steps that follow compare it with vh alone).
      var f = eval(below: vh)
      funcount += 1
      let vr = f
      if vr < vl {
        // Expansion: the reflected point is kept in the centroid column meanwhile.
        i = 0
        while i < n {
          let e = gamma * B[i] + (1 - gamma) * C[i]
          C[i] = B[i]
          B[i] = e
          i &+= 1
        }
        f = eval(below: vr)
        funcount += 1
        if f < vr {
          copy(B, to: H)
          v[high] = f
        } else {
          copy(C, to: H)
          v[high] = vr
        }
      } else {
        if vr < vh {
          copy(B, to: H)
          v[high] = vr
        }
        i = 0
        while i < n { B[i] = (1 - beta) * H[i] + beta * C[i]; i &+= 1 }
        f = eval(below: v[high])
        funcount += 1
        if f < v[high] {
          copy(B, to: H)
          v[high] = f
        } else if vr >= vh {
          // Shrink towards the best vertex.
          calcvert = true
          size = 0
          let L = column(low)
          for j in 0...n where j != low {
            let J = column(j)
            i = 0
            while i < n {
              J[i] = beta * (J[i] - L[i]) + L[i]
              size += abs(J[i] - L[i])
              i &+= 1
            }
          }
          if size < oldsize {
            oldsize = size
          } else {
            code = 10
            break
          }
        }
      }
    } while funcount <= options.maxEvaluations

    for i in 0..<n { x[i] = p[low * n + i] }
    if funcount > options.maxEvaluations { code = 1 }
    return Result(value: v[low], evaluations: funcount, code: code)
  }
}
