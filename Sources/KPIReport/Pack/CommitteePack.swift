import Foundation
import KPIData

/// The committee pack: the authority's scorecard with forecasts and SPC, a chart per KPI,
/// exception-report drafts and a method appendix. Built by ``PackBuilder``, drawn by
/// ``PackHTML`` and ``PackMarkdown``.
public struct CommitteePack: Sendable {
  public var authority: String
  public var title: String
  /// The last quarter with data: the pack reports on it.
  public var quarter: Period
  /// The date printed on the pack (`4 December 2026`).
  public var date: String
  /// The five quarter-ends of the scorecard columns, oldest first.
  public var quarters: [Period]
  /// Scorecard groups in order, each with its KPIs in order.
  public var groups: [(name: String, kpis: [PackKPI])]
  /// KPIs with no value in the last five quarters: listed, not forecast in the body.
  public var notRecent: [(title: String, key: String, last: String)]
  /// Method notes for the appendix (the models and what was simplified), grouped.
  public var methodNotes: [String]

  /// Every KPI in scorecard order.
  public var kpis: [PackKPI] { groups.flatMap(\.kpis) }
  /// KPIs that need an exception report, in scorecard order.
  public var exceptions: [PackKPI] { kpis.filter(\.needsException) }
}
