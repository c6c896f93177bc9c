/// Accuracy measures as small pure functions (fabletools `accuracy.R`; Hyndman & Koehler 2006;
/// Gneiting & Raftery 2007). Each takes the actual value(s) and the forecast(s) for one point or
/// one horizon path; averaging over series is the caller's job.
public enum AccuracyMeasures {
  /// MASE scale: mean |y_t − y_{t−m}| over the training values (R `forecast::accuracy` with
  /// `d = 0, D = 1`), skipping missing pairs. Falls back to lag 1 when no lag-m pair exists.
  /// Returns `nil` when no pair exists at all; 0 for a constant series (MASE then undefined).
  public static func seasonalNaiveScale(_ train: [Double], period: Int) -> Double? {
    func scale(lag: Int) -> Double? {
      guard lag >= 1, train.count > lag else { return nil }
      var sum = 0.0, count = 0
      for t in lag..<train.count where !train[t].isNaN && !train[t - lag].isNaN {
        sum += abs(train[t] - train[t - lag]); count += 1
      }
      return count > 0 ? sum / Double(count) : nil
    }
    return scale(lag: max(period, 1)) ?? scale(lag: 1)
  }

  /// Absolute scaled error |y − f| / scale (one term of MASE).
  public static func absoluteScaledError(actual: Double, forecast: Double, scale: Double) -> Double {
    abs(actual - forecast) / scale
  }

  /// Symmetric APE in percent: 200·|y − f| / (|y| + |f|) (M3/M4 definition); 0 when both are 0.
  public static func symmetricAPE(actual: Double, forecast: Double) -> Double {
    let d = abs(actual) + abs(forecast)
    return d == 0 ? 0 : 200 * abs(actual - forecast) / d
  }

  /// Whether `actual` lies in the closed interval [lower, upper], allowing a relative rounding
  /// slack of 1e-12 (so a zero-width interval of a constant series covers its constant).
  public static func covered(actual: Double, lower: Double, upper: Double) -> Bool {
    let slack = 1e-12 * max(abs(lower), abs(upper), 1)
    return actual >= lower - slack && actual <= upper + slack
  }

  /// Winkler (interval) score for a central interval at `level` percent: width plus
  /// (2/α)·distance outside, α = 1 − level/100 (Winkler 1972; fabletools `winkler_score`).
  public static func winkler(actual: Double, lower: Double, upper: Double, level: Double) -> Double {
    let alpha = 1 - level / 100
    var s = upper - lower
    if actual < lower { s += 2 / alpha * (lower - actual) }
    if actual > upper { s += 2 / alpha * (actual - upper) }
    return s
  }

  /// Pinball (quantile) loss of quantile forecast `q` at probability `p`:
  /// (1 − p)(q − y) when y < q, p(y − q) otherwise (fabletools `quantile_score`).
  public static func pinball(actual: Double, quantile q: Double, probability p: Double) -> Double {
    actual < q ? (1 - p) * (q - actual) : p * (actual - q)
  }

  /// Mean of the finite values (NaN when there are none).
  public static func mean(_ xs: [Double]) -> Double {
    var s = 0.0, n = 0
    for x in xs where x.isFinite { s += x; n += 1 }
    return n > 0 ? s / Double(n) : .nan
  }
}
