

/// Small dense row-major matrix for the class-3 moment recursions (dimension ≤ 2m).
struct MomentMatrix {
  var rows: Int, cols: Int
  var data: [Double]

  init(rows: Int, cols: Int, fill: Double) {
    self.rows = rows
    self.cols = cols
    data = [Double](repeating: fill, count: rows * cols)
  }

  subscript(i: Int, j: Int) -> Double {
    get { data[i * cols + j] }
    set { data[i * cols + j] = newValue }
  }

  var transposed: MomentMatrix {
    var out = MomentMatrix(rows: cols, cols: rows, fill: 0)
    for i in 0..<rows { for j in 0..<cols { out[j, i] = self[i, j] } }
    return out
  }

  /// vec(A): columns stacked, as a column vector.
  var vectorised: MomentMatrix {
    var out = MomentMatrix(rows: rows * cols, cols: 1, fill: 0)
    for j in 0..<cols { for i in 0..<rows { out.data[j * rows + i] = self[i, j] } }
    return out
  }

  /// Kronecker product A ⊗ B (R `%x%`).
  func kron(_ b: MomentMatrix) -> MomentMatrix {
    var out = MomentMatrix(rows: rows * b.rows, cols: cols * b.cols, fill: 0)
    for i in 0..<rows { for j in 0..<cols {
      let a = self[i, j]
      if a == 0 { continue }
      for k in 0..<b.rows { for l in 0..<b.cols { out[i * b.rows + k, j * b.cols + l] = a * b[k, l] } }
    } }
    return out
  }

  static func * (a: MomentMatrix, b: MomentMatrix) -> MomentMatrix {
    var out = MomentMatrix(rows: a.rows, cols: b.cols, fill: 0)
    for i in 0..<a.rows {
      for k in 0..<a.cols {
        let v = a[i, k]
        if v == 0 { continue }
        for j in 0..<b.cols { out.data[i * b.cols + j] += v * b.data[k * b.cols + j] }
      }
    }
    return out
  }

  static func * (s: Double, a: MomentMatrix) -> MomentMatrix {
    var out = a
    for i in out.data.indices { out.data[i] *= s }
    return out
  }

  static func + (a: MomentMatrix, b: MomentMatrix) -> MomentMatrix {
    var out = a
    for i in out.data.indices { out.data[i] += b.data[i] }
    return out
  }
}
