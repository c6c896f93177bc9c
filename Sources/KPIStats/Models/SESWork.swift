

/// Scratch space for SSE evaluation (no allocation per evaluation).
struct SESWork {
  var c: [Double]
  var d: [Double]
  init(n: Int) { c = [Double](repeating: 0, count: n); d = [Double](repeating: 0, count: n) }

  /// SSE at α with the optimal ℓ₀ (on the shifted scale).
  mutating func evaluate(_ y: [Double], alpha: Double, shift: Double) -> (sse: Double, l0: Double) {
    let n = y.count
    var level = 0.0, decay = 1.0
    var cd = 0.0, dd = 0.0
    for t in 0..<n {
      let e = (y[t] - shift) - level
      c[t] = e; d[t] = decay
      cd += e * decay; dd += decay * decay
      level += alpha * e
      decay *= 1 - alpha
    }
    let l0 = dd > 0 ? cd / dd : 0
    var s = 0.0
    for t in 0..<n { let e = c[t] - d[t] * l0; s += e * e }
    return (s, l0)
  }
}
