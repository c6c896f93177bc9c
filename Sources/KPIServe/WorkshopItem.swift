import Foundation
import KPIData
import KPIForecast
import KPIPlanning

/// One KPI on the workshop page: its forecast (by index in the engine's batch, which is also its
/// random stream), year-end outlook, proposal, service area and comparators.
struct WorkshopItem: Sendable {
  var index: Int
  var outlook: YearEndOutlook
  var proposal: TargetProposal?
  var title: String
  var area: String
  var comparators: [ComparatorMark]
  /// True for a count of permanent exclusions: the page shows AP places and cost.
  var drivesDemand: Bool
}
