import KPIData
import KPIStats

/// Chooses the transform for a series (DESIGN §5).
///
/// `auto`: the catalogue entry's `transform`, when it names one and the series' values allow it;
/// otherwise a bounded unit (percent, or catalogue bounds on both sides) → logit with the ε rule
/// of ``Transform/logitEpsilon(for:lower:upper:)``; count, rate and days (lower bound 0) →
/// log when every value is positive, square root when there are zeros; otherwise none.
/// A series with no observations is left untransformed.
///
/// An explicit choice is applied as asked or refused (``ForecastError/transformRefused(series:transform:period:value:)``,
/// naming the first offending period): `log` refuses values ≤ 0, `log1p` and `sqrt` negative values,
/// and `logit` values outside the series' bounds (0–100 when the unit has none).
public enum TransformPolicy {
  public static func choose(_ choice: TransformChoice, for series: KPISeries) throws -> Transform {
    try decide(choice, for: series).transform
  }

  /// The transform and, when the catalogue's own choice could not be used under `auto`, a note
  /// saying why (for the forecast's warnings).
  public static func decide(_ choice: TransformChoice, for series: KPISeries) throws -> (transform: Transform, note: String?) {
    guard choice == .auto, let name = series.entry?.transform, name != TransformChoice.auto.rawValue else {
      return (try rule(choice, for: series), nil)
    }
    guard let catalogueChoice = TransformChoice(rawValue: name) else {
      let t = try rule(.auto, for: series)
      return (t, "catalogue transform '\(name)' is not one of \(TransformChoice.allCases.map(\.rawValue).joined(separator: ", ")): \(t.name) used")
    }
    do {
      return (try rule(catalogueChoice, for: series), nil)
    } catch let ForecastError.transformRefused(_, _, period, value) {
      let t = try rule(.auto, for: series)
      return (t, "catalogue transform '\(name)' cannot take the value \(value) at \(period): \(t.name) used instead")
    }
  }

  static func rule(_ choice: TransformChoice, for series: KPISeries) throws -> Transform {
    let obs = series.values.filter { !$0.isNaN }
    let (lo, hi) = series.bounds
    switch choice {
    case .none: return .none
    case .auto:
      // A constant series keeps its unit's scale too, so the band it borrows (``SpreadFloor``)
      // is relative and stays inside the bounds.
      guard let mn = obs.min() else { return .none }
      if let lo, let hi { return .logit(lower: lo, upper: hi, epsilon: Transform.logitEpsilon(for: obs, lower: lo, upper: hi)) }
      if let lo, lo == 0 { return mn > 0 ? .log : .sqrt }
      return .none
    case .logit:
      let l = lo ?? 0, h = hi ?? 100
      guard l < h else {
        throw ForecastError.badOption("\(series.key): --transform logit needs a lower bound below the upper bound, got \(l) to \(h)")
      }
      // Values on a bound are moved ε inside it (the 0%/100% rule); values beyond a bound are refused.
      for (i, v) in series.values.enumerated() where !v.isNaN && (v < l || v > h) {
        throw ForecastError.transformRefused(series: series.key.description, transform: "logit", period: series.period(at: i).description, value: v)
      }
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
