import KPIData
import KPIStats

/// Chooses the transform for a series (DESIGN §5).
///
/// `auto`: a bounded unit (percent, or catalogue bounds on both sides) → logit with the ε rule
/// of ``Transform/logitEpsilon(for:lower:upper:)``; count, rate and days (lower bound 0) →
/// log when every value is positive, square root when there are zeros; otherwise none.
/// A series whose values all sit on one bound or are all equal is left untransformed.
public enum TransformPolicy {
  public static func choose(_ choice: TransformChoice, for series: KPISeries) throws -> Transform {
    let obs = series.values.filter { !$0.isNaN }
    let (lo, hi) = series.bounds
    switch choice {
    case .none: return .none
    case .auto:
      guard let mn = obs.min(), let mx = obs.max(), mn < mx else { return .none }
      if let lo, let hi { return .logit(lower: lo, upper: hi, epsilon: Transform.logitEpsilon(for: obs, lower: lo, upper: hi)) }
      if let lo, lo == 0 { return mn > 0 ? .log : .sqrt }
      return .none
    case .logit:
      let l = lo ?? 0, h = hi ?? 100
      return .logit(lower: l, upper: h, epsilon: Transform.logitEpsilon(for: obs, lower: l, upper: h))
    case .log, .log1p, .sqrt:
      let t: Transform = choice == .log ? .log : choice == .log1p ? .log1p : .sqrt
      for (i, v) in series.values.enumerated() where !v.isNaN && !t.accepts(v) {
        throw ForecastError.transformRefused(series: series.key.description, transform: t.name, period: series.period(at: i).description, value: v)
      }
      return t
    }
  }
}
