import CLAPACKE

/// Every LAPACK call of the package lives in this namespace; each turns `info` into a typed error.
/// Matrices are column-major `[Double]` with leading dimension = number of rows.
enum LAPACK {
  private static func check(_ info: Int32, _ routine: String) throws {
    if info < 0 { throw LAPACKError.illegalArgument(routine: routine, index: Int(-info)) }
    if info > 0 { throw LAPACKError.numericalFailure(routine: routine, info: Int(info)) }
  }

  /// QR factorisation A = QR without pivoting (`dgeqrf`). `a` is overwritten by R (upper
  /// triangle) and the Householder vectors; returns the scalar factors `tau`.
  static func dgeqrf(_ a: inout [Double], rows m: Int, cols n: Int) throws -> [Double] {
    guard m > 0, n > 0, a.count == m * n else { throw LAPACKError.badShape("dgeqrf \(m)x\(n), \(a.count) values") }
    var tau = [Double](repeating: 0, count: min(m, n))
    let info = a.withUnsafeMutableBufferPointer { ap in
      tau.withUnsafeMutableBufferPointer { tp in
        LAPACKE_dgeqrf(LAPACK_COL_MAJOR, Int32(m), Int32(n), ap.baseAddress, Int32(m), tp.baseAddress)
      }
    }
    try check(info, "dgeqrf")
    return tau
  }

  /// Applies Qᵀ (from `dgeqrf`) to the columns of `c` (`dormqr`, side L, trans T).
  static func dormqrTransposed(qr: [Double], tau: [Double], rows m: Int, reflectors k: Int, c: inout [Double], cols nrhs: Int) throws {
    guard c.count == m * nrhs, qr.count >= m * k else { throw LAPACKError.badShape("dormqr \(m)x\(nrhs)") }
    var a = qr
    let info = a.withUnsafeMutableBufferPointer { ap in
      tau.withUnsafeBufferPointer { tp in
        c.withUnsafeMutableBufferPointer { cp in
          LAPACKE_dormqr(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "L")), Int8(UInt8(ascii: "T")),
                         Int32(m), Int32(nrhs), Int32(k), ap.baseAddress, Int32(m),
                         tp.baseAddress, cp.baseAddress, Int32(m))
        }
      }
    }
    try check(info, "dormqr")
  }

  /// Solves the triangular system R x = b or Rᵀ x = b (`dtrtrs`), R upper triangular k×k stored
  /// in the leading part of a column-major array with leading dimension `lda`.
  static func dtrtrs(r: [Double], lda: Int, order k: Int, transpose: Bool, b: inout [Double]) throws {
    guard k > 0, b.count >= k else { throw LAPACKError.badShape("dtrtrs order \(k)") }
    var a = r
    let ldb = Int32(max(k, b.count))
    let info = a.withUnsafeMutableBufferPointer { ap in
      b.withUnsafeMutableBufferPointer { bp in
        LAPACKE_dtrtrs(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), Int8(UInt8(ascii: transpose ? "T" : "N")),
                       Int8(UInt8(ascii: "N")), Int32(k), 1, ap.baseAddress, Int32(lda),
                       bp.baseAddress, ldb)
      }
    }
    try check(info, "dtrtrs")
  }
}
