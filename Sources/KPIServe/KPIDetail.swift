import Foundation

/// Everything the page draws for one KPI (`GET /api/kpis/{indicator}`): the row, history, the
/// per-period fan, the year-end outturn's band, comparators, the proposal and AP demand.
public struct KPIDetail: Codable, Sendable, Equatable {
  public var row: KPIRow
  public var definition: String?
  public var history: [FanPoint]
  public var fan: [FanPoint]
  /// How the periods add up to the outturn, e.g. "March value" or "sum of Q1–Q4".
  public var aggregation: String
  /// True when the outturn is the sum or mean of the year's periods (drawn on its own scale).
  public var aggregated: Bool
  public var comparators: [ComparatorMark]
  public var proposal: ProposalInfo?
  public var demand: [DemandBand]?
  /// Forecast periods an effect can start from (`YYYY-MM`).
  public var periods: [String]
  /// Scenario effects on this KPI from the `--scenarios` file, by scenario name.
  public var presets: [ScenarioPreset]
  public var reason: String
  public var notes: [String]
}
