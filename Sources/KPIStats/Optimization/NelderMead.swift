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

  // Column j of the simplex is p[j*n ..< (j+1)*n]; vertex values in v[j]; b is the trial point.
  private static func run(
    n: Int, x: UnsafeMutableBufferPointer<Double>, p: UnsafeMutableBufferPointer<Double>,
    v: UnsafeMutableBufferPointer<Double>, b: UnsafeMutableBufferPointer<Double>, options: Options,
    objective: (UnsafeBufferPointer<Double>) -> Double
  ) -> Result? {
    let bro = UnsafeBufferPointer(b)
    func eval() -> Double {
      let f = objective(bro)
      return f.isFinite ? f : big
    }
    for i in 0..<n { b[i] = x[i] }
    if options.maxEvaluations <= 0 {
      let f = objective(bro)
      return Result(value: f, evaluations: 0, code: 0)
    }
    let f0 = objective(bro)
    guard f0.isFinite else { return nil }
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
    repeat {
      if calcvert {
        for j in 0...n where j != low {
          for i in 0..<n { b[i] = p[j * n + i] }
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

      for i in 0..<n {
        var temp = -p[high * n + i]
        for j in 0...n { temp += p[j * n + i] }
        p[c * n + i] = temp / Double(n)
      }
      for i in 0..<n { b[i] = (1 + alpha) * p[c * n + i] - alpha * p[high * n + i] }
      var f = eval()
      funcount += 1
      let vr = f
      if vr < vl {
        // Expansion: the reflected point is kept in the centroid column meanwhile.
        for i in 0..<n {
          let e = gamma * b[i] + (1 - gamma) * p[c * n + i]
          p[c * n + i] = b[i]
          b[i] = e
        }
        f = eval()
        funcount += 1
        if f < vr {
          for i in 0..<n { p[high * n + i] = b[i] }
          v[high] = f
        } else {
          for i in 0..<n { p[high * n + i] = p[c * n + i] }
          v[high] = vr
        }
      } else {
        if vr < vh {
          for i in 0..<n { p[high * n + i] = b[i] }
          v[high] = vr
        }
        for i in 0..<n { b[i] = (1 - beta) * p[high * n + i] + beta * p[c * n + i] }
        f = eval()
        funcount += 1
        if f < v[high] {
          for i in 0..<n { p[high * n + i] = b[i] }
          v[high] = f
        } else if vr >= vh {
          // Shrink towards the best vertex.
          calcvert = true
          size = 0
          for j in 0...n where j != low {
            for i in 0..<n {
              p[j * n + i] = beta * (p[j * n + i] - p[low * n + i]) + p[low * n + i]
              size += abs(p[j * n + i] - p[low * n + i])
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
