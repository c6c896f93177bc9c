import CLAPACKE

/// Errors from the LAPACK wrappers: the routine's name and its `info` value.
public enum LAPACKError: Error, Equatable, Sendable, CustomStringConvertible {
  /// `info < 0`: argument number `-info` was illegal (a bug in the caller, reported rather than trapped).
  case illegalArgument(routine: String, index: Int)
  /// `info > 0`: the routine's documented numerical failure (e.g. a zero diagonal in `dtrtrs`).
  case numericalFailure(routine: String, info: Int)
  /// Shapes that cannot be handed to LAPACK (empty matrix, mismatched lengths).
  case badShape(String)

  public var description: String {
    switch self {
    case .illegalArgument(let r, let i): return "LAPACK \(r): argument \(i) was illegal"
    case .numericalFailure(let r, let i): return "LAPACK \(r) failed with info = \(i)"
    case .badShape(let s): return "matrix shape: \(s)"
    }
  }
}
