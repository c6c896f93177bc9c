import Foundation
import KPIData
import KPIPlanning
import KPIRecord

/// Turns a ``ScenarioSpec`` from a request into the engine's ``Scenario`` for one indicator,
/// with the rules of scenario files (docs/PLANNING.md); a broken rule is a 400 naming the field.
enum ScenarioValidation {
  /// The engine's name for the page's scenario (never "baseline", which the runner adds itself).
  static let engineName = "workshop scenario"

  static func scenario(_ spec: ScenarioSpec, indicator: String, prefix: String = "") throws -> Scenario {
    guard spec.effects.count <= 20, spec.convergence.count <= 5 else {
      throw APIError.bad(prefix + "effects", "at most 20 effects and 5 convergence entries")
    }
    let effects = try spec.effects.enumerated().map { k, e -> Scenario.Effect in
      let f = "\(prefix)effects[\(k)]"
      guard let p = Period.parse(e.from)?.period else {
        throw APIError.bad(f + ".from", "'\(e.from.prefix(40))' is not a period (e.g. 2024-09 or 2024/25 Q2)")
      }
      guard (e.change == nil) != (e.relative == nil) else {
        throw APIError.bad(f, "give exactly one of 'change' (in the KPI's units) or 'relative' (a fraction, -0.10 = 10% lower)")
      }
      if let c = e.change, !(c.isFinite && abs(c) < 1e9) { throw APIError.bad(f + ".change", "must be a finite number") }
      if let r = e.relative, !(r.isFinite && r > -1 && r <= 10) { throw APIError.bad(f + ".relative", "must be above -1 and at most 10") }
      let ramp = e.ramp ?? 1
      guard (1...120).contains(ramp) else { throw APIError.bad(f + ".ramp", "must be 1 to 120 periods") }
      return Scenario.Effect(indicator: indicator, change: e.change, relative: e.relative, from: p, ramp: ramp)
    }
    let conv = try spec.convergence.enumerated().map { k, c -> Scenario.Convergence in
      let f = "\(prefix)convergence[\(k)]"
      guard c.share.isFinite, (0...1).contains(c.share) else { throw APIError.bad(f + ".share", "must be between 0 and 1") }
      guard (c.comparator == nil) != (c.value == nil) else { throw APIError.bad(f, "give exactly one of 'comparator' (a name) or 'value'") }
      if let v = c.value, !v.isFinite { throw APIError.bad(f + ".value", "must be a finite number") }
      if let n = c.comparator, n.isEmpty || n.count > 100 { throw APIError.bad(f + ".comparator", "must be a comparator name") }
      return Scenario.Convergence(indicator: indicator, comparator: c.comparator, value: c.value, share: c.share)
    }
    return Scenario(name: engineName, effects: effects, convergence: conv)
  }
}
