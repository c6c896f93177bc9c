

/// The error, trend and seasonal forms of an exponential smoothing state space model
/// (Hyndman, Koehler, Ord & Snyder 2008, *Forecasting with Exponential Smoothing*, Table 2.1).
public enum ETSErrorType: String, Sendable, CaseIterable, Codable {
  case additive = "A"
  case multiplicative = "M"
}
