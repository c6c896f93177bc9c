import Foundation

/// Decisions as CSV (one row each) or as catalogue YAML (`targets:` / `intervention_levels:`
/// per indicator, ready to merge into models/catalogue.yaml; the latest decision of a KPI and
/// year wins).
public enum DecisionExport {
  /// CSV with header `id,indicator,year,target,intervention_level,rationale,agreed_by,scenario,recorded_at`.
  public static func csv(_ decisions: [Decision]) -> String {
    var out = "id,indicator,year,target,intervention_level,rationale,agreed_by,scenario,recorded_at\n"
    for d in decisions {
      let cells = [d.id.map(String.init) ?? "", d.indicator, d.year, number(d.target), d.interventionLevel.map(number) ?? "",
                   d.rationale, d.agreedBy, d.scenario, d.recordedAt]
      out += cells.map(quoteCSV).joined(separator: ",") + "\n"
    }
    return out
  }

  /// Catalogue YAML: `indicators:` entries holding only `id`, `targets` and `intervention_levels`.
  public static func yaml(_ decisions: [Decision]) -> String {
    var latest = [String: [String: Decision]]()
    for d in decisions { latest[d.indicator, default: [:]][d.year] = d }
    var out = "# Agreed targets and intervention levels from the workshop record (kpi-forecast decisions).\n"
    out += "# Merge each entry's targets/intervention_levels into the same indicator in models/catalogue.yaml.\n"
    out += "indicators:\n"
    for ind in latest.keys.sorted() {
      guard let years = latest[ind] else { continue }
      out += "- id: \(yamlString(ind))\n  targets:\n"
      for y in years.keys.sorted() { if let d = years[y] { out += "    \(yamlString(y)): \(number(d.target))\n" } }
      let levels = years.keys.sorted().compactMap { y in years[y]?.interventionLevel.map { (y, $0) } }
      if !levels.isEmpty {
        out += "  intervention_levels:\n"
        for (y, l) in levels { out += "    \(yamlString(y)): \(number(l))\n" }
      }
      let notes = years.keys.sorted().compactMap { y in years[y].map { d in (y, "agreed by \(d.agreedBy) on \(d.recordedAt.prefix(10)): \(d.rationale)") } }
      out += "  target_notes:\n"
      for (y, n) in notes { out += "    \(yamlString(y)): \(yamlString(n))\n" }
    }
    return out
  }

  static func number(_ v: Double) -> String {
    if v == v.rounded(), abs(v) < 1e15 { return String(format: "%.1f", v) }
    return "\(v)"
  }

  static func quoteCSV(_ s: String) -> String {
    guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
    return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// A plain scalar when safe, else a single-quoted YAML string.
  static func yamlString(_ s: String) -> String {
    let safe = s.allSatisfy { $0.isLetter || $0.isNumber || "-_/. ".contains($0) } && !s.isEmpty && s.first != " " && s.last != " "
    if safe && !s.contains(": ") { return s }
    return "'" + s.replacingOccurrences(of: "'", with: "''").replacingOccurrences(of: "\n", with: " ") + "'"
  }
}
