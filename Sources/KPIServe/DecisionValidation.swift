import Foundation
import KPIData
import KPIForecast
import KPIRecord

/// Checks a decision before it is recorded: a financial year, a target inside the KPI's bounds,
/// an intervention level on the worse side of the target, a rationale and a name.
enum DecisionValidation {
  static func decision(_ r: DecisionRequest, series s: KPISeries, defaultYear: String) throws -> Decision {
    let yearText = (r.year ?? defaultYear).trimmingCharacters(in: .whitespaces)
    guard let p = Period.parse(yearText), p.impliedFrequency == .annual else {
      throw APIError.bad("year", "'\(yearText.prefix(40))' is not a financial year (use 2025/26 or 2026)")
    }
    let year = p.period.financialYearLabel
    guard r.target.isFinite else { throw APIError.bad("target", "must be a number") }
    let (lo, hi) = s.bounds
    if let lo, r.target < lo { throw APIError.bad("target", "\(r.target) is below the KPI's lower bound \(lo)") }
    if let hi, r.target > hi { throw APIError.bad("target", "\(r.target) is above the KPI's upper bound \(hi)") }
    if let l = r.interventionLevel {
      guard l.isFinite else { throw APIError.bad("intervention_level", "must be a number") }
      if let lo, l < lo { throw APIError.bad("intervention_level", "\(l) is below the KPI's lower bound \(lo)") }
      if let hi, l > hi { throw APIError.bad("intervention_level", "\(l) is above the KPI's upper bound \(hi)") }
      switch s.polarity {
      case .bigger?:
        if l > r.target { throw APIError.bad("intervention_level", "\(l) is above the target \(r.target): for a bigger-is-better KPI the intervention level must be at or below the target") }
      case .smaller?:
        if l < r.target { throw APIError.bad("intervention_level", "\(l) is below the target \(r.target): for a smaller-is-better KPI the intervention level must be at or above the target") }
      case .plan?, nil:
        break
      }
    }
    let rationale = r.rationale.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !rationale.isEmpty else { throw APIError.bad("rationale", "say why the room agreed this value") }
    guard rationale.count <= 4000 else { throw APIError.bad("rationale", "is longer than 4,000 characters") }
    let who = r.agreedBy.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !who.isEmpty else { throw APIError.bad("agreed_by", "say who agreed it") }
    guard who.count <= 200 else { throw APIError.bad("agreed_by", "is longer than 200 characters") }
    let spec = r.scenario ?? ScenarioSpec()
    _ = try ScenarioValidation.scenario(spec, indicator: s.key.indicator, prefix: "scenario.")
    return Decision(indicator: s.key.indicator, year: year, target: r.target, interventionLevel: r.interventionLevel, rationale: rationale,
                    agreedBy: who, scenario: spec.canonicalText, recordedAt: Timestamp.now())
  }
}
