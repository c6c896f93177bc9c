

public enum LeastSquaresError: Error, Equatable, Sendable {
  case noRows
  case noColumns
  case nonFinite(row: Int)
  case lengthMismatch(rows: Int, responses: Int)
}
