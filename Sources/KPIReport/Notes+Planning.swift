import KPIData
import KPIForecast
import KPIPlanning

extension Notes {
  /// Groups keyed notes like ``grouped(_:examples:groupAbove:)``: a message shared by more than
  /// `groupAbove` series is printed once with a count and a few examples; run-level notes as they are.
  public static func grouped(_ notes: [PlanningNote], examples: Int = 3, groupAbove: Int = 3) -> [String] {
    var order = [String]()
    var who = [String: [String]]()
    var lines = [String]()
    for n in notes {
      guard let k = n.key else { lines.append(n.message); continue }
      if who[n.message] == nil { order.append(n.message) }
      who[n.message, default: []].append(k.description)
    }
    for m in order {
      let keys = who[m] ?? []
      if keys.count > groupAbove {
        lines.append("\(NumberFormat.human(Double(keys.count), decimals: 0)) series: \(m) (e.g. \(keys.prefix(examples).joined(separator: ", ")))")
      } else {
        for k in keys { lines.append("\(k): \(m)") }
      }
    }
    return lines
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
