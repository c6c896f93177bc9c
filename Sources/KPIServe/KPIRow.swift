import Foundation

/// One KPI's year-end outlook as the API gives it (`GET /api/kpis`, and inside scenario replies).
/// Numbers that cannot be given (no target, no polarity) are null.
public struct KPIRow: Codable, Sendable, Equatable {
  public var indicator: String
  public var title: String
  /// The service area (the title's prefix before a colon, e.g. "Social Care").
  public var area: String
  public var unit: String
  public var polarity: String?
  /// Financial year of the year-end, e.g. `2024/25`.
  public var year: String
  public var basis: String
  public var forecast: Double?
  public var lo80: Double?
  public var hi80: Double?
  public var lo95: Double?
  public var hi95: Double?
  public var target: Double?
  public var interventionLevel: Double?
  public var pMeetTarget: Double?
  public var pWorseThanIntervention: Double?
  /// `green`, `amber` or `red` (★ ● ▲), or null without a target.
  public var status: String?
  public var model: String

  enum CodingKeys: String, CodingKey {
    case indicator, title, area, unit, polarity, year, basis, forecast, lo80, hi80, lo95, hi95, target, status, model
    case interventionLevel = "intervention_level"
    case pMeetTarget = "p_meet_target"
    case pWorseThanIntervention = "p_worse_than_intervention"
  }

  /// Every field is written, unknown numbers as null (scripts can rely on the keys).
  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(indicator, forKey: .indicator)
    try c.encode(title, forKey: .title)
    try c.encode(area, forKey: .area)
    try c.encode(unit, forKey: .unit)
    try c.encode(polarity, forKey: .polarity)
    try c.encode(year, forKey: .year)
    try c.encode(basis, forKey: .basis)
    try c.encode(forecast, forKey: .forecast)
    try c.encode(lo80, forKey: .lo80)
    try c.encode(hi80, forKey: .hi80)
    try c.encode(lo95, forKey: .lo95)
    try c.encode(hi95, forKey: .hi95)
    try c.encode(target, forKey: .target)
    try c.encode(interventionLevel, forKey: .interventionLevel)
    try c.encode(pMeetTarget, forKey: .pMeetTarget)
    try c.encode(pWorseThanIntervention, forKey: .pWorseThanIntervention)
    try c.encode(status, forKey: .status)
    try c.encode(model, forKey: .model)
  }
}

/// A number for JSON: nil when not finite (JSON has no NaN or infinity).
func finite(_ v: Double?) -> Double? {
  guard let v, v.isFinite else { return nil }
  return v
}
