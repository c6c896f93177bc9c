import KPIData
import KPIStats

/// Errors that stop a forecast run (the command line exits 1).
public enum ForecastError: Error, Equatable, Sendable, Hashable, CustomStringConvertible {
  case transformRefused(series: String, transform: String, period: String, value: Double)
  case badOption(String)

  public var description: String {
    switch self {
    case .transformRefused(let s, let t, let p, let v):
      let hint = t == "logit"
        ? "the value lies outside the indicator's bounds; check the unit (percent is 0–100) or use --transform none"
        : "use --transform log1p or sqrt for counts with zeros, or auto"
      return "\(s): transform '\(t)' cannot take the value \(v) at \(p); \(hint)"
    case .badOption(let s): return s
    }
  }
}
