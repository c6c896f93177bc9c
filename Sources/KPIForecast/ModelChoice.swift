import KPIData
import KPIStats

/// The one model vocabulary: every family, and `auto`, which combines them (see
/// ``AutoConfiguration``). `--model`, the catalogue's `model:`, backtests and benchmarks all
/// name models by these.
public enum ModelChoice: String, Sendable, CaseIterable {
  /// The default: chosen by the series' length, combined and calibrated (``AutoConfiguration``).
  case auto
  /// R's `lm(y ~ t + factor(q) [+ shifts])`, with the catalogue's seasonal prior as ridge rows.
  case regression
  /// The regression without trend: level + seasonal effects (+ shifts, prior).
  case seasonalLevel = "seasonal-level"
  /// Seasonal naive (R `snaive`).
  case snaive
  /// Seasonal naive with the seasonal shape averaged over all cycles (``AveragedSeasonalNaive``).
  case snaiveAvg = "snaive-avg"
  /// The last value (R `naive`), with the catalogue's seasonal shape when it has one.
  case naive
  /// Random walk with drift (R `rwf(drift = TRUE)`).
  case drift
  /// Exponential smoothing, form chosen by AICc among R `ets()`'s candidates.
  case ets
  /// Theta on seasonally adjusted data (R `thetaf`).
  case theta
  /// Theta with θ estimated (the optimised Theta method).
  case thetaOpt = "theta-opt"
}
