import Foundation

/// The answer to `POST /api/scenario`: the KPI's row under the scenario, the unchanged
/// `baseline`, the redrawn fan, what was applied, P(meet) of a target under discussion, and AP demand.
public struct ScenarioReply: Codable, Sendable, Equatable {
  public var row: KPIRow
  public var baseline: KPIRow
  public var fan: [FanPoint]
  public var applied: String
  /// P(meet) and P(worse than intervention) of the `target`/`intervention_level` sent with the
  /// request, under the scenario and under the baseline.
  public var candidate: CandidateOdds?
  /// The same odds for the engine's proposed target and intervention level.
  public var proposal: CandidateOdds?
  public var demand: [DemandBand]?
  public var notes: [String]

  /// Flattens `row` into the top level (the contract: the same fields as `/api/kpis`
  /// plus `baseline`) and adds the chart data beside it.
  public func encode(to encoder: Encoder) throws {
    try row.encode(to: encoder)
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(baseline, forKey: .baseline)
    try c.encode(fan, forKey: .fan)
    try c.encode(applied, forKey: .applied)
    try c.encodeIfPresent(candidate, forKey: .candidate)
    try c.encodeIfPresent(proposal, forKey: .proposal)
    try c.encodeIfPresent(demand, forKey: .demand)
    try c.encode(notes, forKey: .notes)
  }

  public init(from decoder: Decoder) throws {
    row = try KPIRow(from: decoder)
    let c = try decoder.container(keyedBy: Keys.self)
    baseline = try c.decode(KPIRow.self, forKey: .baseline)
    fan = try c.decode([FanPoint].self, forKey: .fan)
    applied = try c.decode(String.self, forKey: .applied)
    candidate = try c.decodeIfPresent(CandidateOdds.self, forKey: .candidate)
    proposal = try c.decodeIfPresent(CandidateOdds.self, forKey: .proposal)
    demand = try c.decodeIfPresent([DemandBand].self, forKey: .demand)
    notes = try c.decode([String].self, forKey: .notes)
  }

  init(row: KPIRow, baseline: KPIRow, fan: [FanPoint], applied: String, candidate: CandidateOdds?, proposal: CandidateOdds?,
       demand: [DemandBand]?, notes: [String]) {
    self.proposal = proposal
    self.row = row
    self.baseline = baseline
    self.fan = fan
    self.applied = applied
    self.candidate = candidate
    self.demand = demand
    self.notes = notes
  }

  enum Keys: String, CodingKey { case baseline, fan, applied, candidate, proposal, demand, notes }
}
