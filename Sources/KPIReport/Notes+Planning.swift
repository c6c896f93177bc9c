import KPIData
import KPIForecast
import KPIPlanning

extension Notes {
  /// Groups keyed notes like ``grouped(_:examples:groupAbove:)``: a message shared by more than
  /// `groupAbove` series is printed once with a count and a few examples; run-level notes as they are.
  public static func grouped(_ notes: [PlanningNote], examples: Int = 3, groupAbove: Int = 3) -> [String] {
    grouped(notes.map { ($0.key?.description, $0.message) }, examples: examples, groupAbove: groupAbove)
  }

  /// The warnings of year-end outlooks, grouped.
  public static func grouped(_ outlooks: [YearEndOutlook]) -> [String] {
    grouped(outlooks.flatMap { o in o.warnings.map { PlanningNote(key: o.key, message: $0) } })
  }

  /// The warnings of target proposals plus the planner's notes, grouped.
  public static func grouped(_ proposals: [TargetProposal], notes: [PlanningNote]) -> [String] {
    grouped(proposals.flatMap { p in p.warnings.map { PlanningNote(key: p.key, message: $0) } } + notes)
  }
}
