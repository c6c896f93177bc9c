

/// Why a model could not be fitted at all (a simpler model is the caller's fallback).
public enum ModelError: Error, Equatable, Sendable, CustomStringConvertible {
  case noObservations
  case tooFewObservations(needed: Int, have: Int)
  case failed(String)

  public var description: String {
    switch self {
    case .noObservations: return "no observations"
    case .tooFewObservations(let n, let h): return "needs \(n) observations, has \(h)"
    case .failed(let s): return s
    }
  }
}
