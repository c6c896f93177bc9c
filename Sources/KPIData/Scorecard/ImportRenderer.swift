import Foundation
import Yams

/// Renders a `ScorecardImport` as the files of `kpi-forecast import --out DIR` (docs/IMPORT.md):
/// `observations.csv` (tidy, readable by `ObservationReader`), `targets.csv`, `comparators.csv`,
/// `issues.csv`, `import-report.md` and `catalogue-draft.yaml`.
public enum ImportRenderer {
  static func csv(_ s: String) -> String {
    if s.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) {
      return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return s
  }

  static func num(_ v: Double?) -> String { v.map(NumberText.plain) ?? "" }

  static func source(_ l: InputLocation) -> String {
    "\((l.file as NSString).lastPathComponent):\(l.row.map(String.init) ?? "")\(l.column.map { ":\($0)" } ?? "")"
  }

  /// Indicators that have at least one outturn number (others are in the report only).
  static func forecastable(_ imp: ScorecardImport) -> Set<String> {
    Set(imp.values.filter { $0.role == .outturn && $0.value != nil }.map(\.indicator))
  }

  /// `indicator,period,value,status,unit,polarity,basis,note,section,source`: the authority's
  /// outturns, missing ones with an empty value and the reason in `note`.
  public static func observationsCSV(_ imp: ScorecardImport) -> String {
    let byId = Dictionary(imp.indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let keep = forecastable(imp)
    var out = "indicator,period,value,status,unit,polarity,basis,note,section,source\n"
    var seen = Set<String>()
    let withValue = Set(imp.values.filter { $0.role == .outturn && $0.value != nil }.map { "\($0.indicator)|\($0.period)" })
    for v in imp.values where v.role == .outturn && keep.contains(v.indicator) {
      let key = "\(v.indicator)|\(v.period)"
      if seen.contains(key) { continue }  // a missing cell after a number for the same period
      if v.value == nil, withValue.contains(key) { continue }
      seen.insert(key)
      let ind = byId[v.indicator]
      let note = v.value == nil ? "missing: \(v.missingReason ?? "empty")" + (v.note.map { " (\($0))" } ?? "") : (v.note ?? "")
      let fields = [v.indicator, v.period.description, num(v.value), v.status ?? "", v.unit.rawValue, ind?.polarity?.rawValue ?? "",
                    ind?.basis?.rawValue ?? "", note, ind?.section ?? "", source(v.source)]
      out += fields.map(csv).joined(separator: ",") + "\n"
    }
    return out
  }

  /// `indicator,year,period,role,value,note,source`: targets and intervention levels as published
  /// (directional targets with an empty value and the wording in `note`).
  public static func targetsCSV(_ imp: ScorecardImport) -> String {
    var out = "indicator,year,period,role,value,note,source\n"
    for v in imp.values where v.role == .target || v.role == .interventionLevel {
      guard v.value != nil || v.note != nil else { continue }
      out += [v.indicator, v.year, v.period.description, v.role.rawValue, num(v.value), v.note ?? "", source(v.source)].map(csv)
        .joined(separator: ",") + "\n"
    }
    return out
  }

  /// `indicator,geography,year,period,value,note,source`: comparators as published.
  public static func comparatorsCSV(_ imp: ScorecardImport) -> String {
    var out = "indicator,geography,year,period,value,note,source\n"
    for v in imp.values where v.role == .comparator && v.value != nil {
      out += [v.indicator, v.geography ?? "", v.year, v.period.description, num(v.value), v.note ?? "", source(v.source)].map(csv)
        .joined(separator: ",") + "\n"
    }
    return out
  }

  /// `severity,file,row,column,indicator,text,reason`: every cell not read as a plain number.
  public static func issuesCSV(_ imp: ScorecardImport) -> String {
    var out = "severity,file,row,column,indicator,text,reason\n"
    for i in sortedIssues(imp) {
      out += [i.severity.rawValue, i.location.file, i.location.row.map(String.init) ?? "", i.location.column ?? "", i.indicator ?? "",
              i.text, i.reason].map(csv).joined(separator: ",") + "\n"
    }
    return out
  }

  static func sortedIssues(_ imp: ScorecardImport) -> [ImportIssue] {
    imp.issues.enumerated().sorted { a, b in
      if a.element.severity != b.element.severity { return a.element.severity > b.element.severity }
      return a.offset < b.offset
    }.map(\.element)
  }

  /// The human import report (Markdown).
  public static func reportMarkdown(_ imp: ScorecardImport) -> String {
    var s = "# Import report\n\n"
    s += "## Files and tables found\n\n"
    for l in imp.layouts { s += "- \(l)\n" }
    s += "\n## Value cells per file\n\n"
    s += "| file | value cells | one number | pairs | numbers written | missing | directional | unreadable |\n|---|---:|---:|---:|---:|---:|---:|---:|\n"
    for f in imp.files {
      let c = imp.cellCounts[f] ?? CellCounts()
      s += "| \((f as NSString).lastPathComponent) | \(c.total) | \(c.numbers) | \(c.pairs) | \(c.valuesWritten) | \(c.missing) | \(c.directional) | \(c.unreadable) |\n"
    }
    let written = imp.values.filter { $0.value != nil }
    s += "\nValues written: \(written.filter { $0.role == .outturn }.count) outturns, "
    s += "\(written.filter { $0.role == .target }.count) targets, \(written.filter { $0.role == .interventionLevel }.count) intervention levels, "
    s += "\(written.filter { $0.role == .comparator }.count) comparator values.\n"
    s += "\n## Indicators (\(imp.indicators.count))\n\n| id | title | unit | polarity | basis | from |\n|---|---|---|---|---|---|\n"
    for i in imp.indicators {
      let pol = i.polarity.map { "\($0.rawValue) (\(i.polaritySource ?? ""))" } ?? "unknown"
      s += "| \(i.id) | \(md(i.title)) | \(i.unit.rawValue) | \(pol) | \(i.basis?.rawValue ?? "") | \(source(i.source)) |\n"
    }
    let uncatalogued = imp.indicators.filter { !$0.inCatalogue }
    s += "\n## Indicators with no catalogue entry (\(uncatalogued.count))\n\n"
    s += uncatalogued.isEmpty ? "None: every indicator matched the catalogue by title or alias.\n"
      : "Their ids were made from the printed titles; add them to models/ (catalogue-draft.yaml has drafts) to name them.\n\n"
        + uncatalogued.map { "- `\($0.id)`: \(md($0.title))\n" }.joined()
    let issues = sortedIssues(imp)
    for sev in [ImportIssue.Severity.unreadable, .missing, .note] {
      let list = issues.filter { $0.severity == sev }
      let heading: String
      switch sev {
      case .unreadable: heading = "Cells not read: neither a number nor a known missing marker"
      case .missing: heading = "Cells with no number (missing, reason kept)"
      case .note: heading = "Cells read with something kept beside the number"
      }
      s += "\n## \(heading) (\(list.count))\n\n"
      if list.isEmpty { s += "None.\n"; continue }
      s += "| where | indicator | text | reason |\n|---|---|---|---|\n"
      for i in list {
        s += "| \(md(source(i.location))) | \(i.indicator ?? "") | \(md(i.text)) | \(md(i.reason)) |\n"
      }
    }
    return s
  }

  static func md(_ s: String) -> String {
    let t = s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    return t.count > 120 ? String(t.prefix(117)) + "…" : t
  }

  /// Draft catalogue entries from what the scorecards publish (titles, definitions, units,
  /// polarity, basis, targets, intervention levels, comparators), for curating into `models/`.
  public static func catalogueEntries(_ imp: ScorecardImport) -> [CatalogueEntry] {
    imp.indicators.map { ind in
      var e = CatalogueEntry(id: ind.id, title: ind.title, unit: ind.unit, polarity: ind.polarity, basis: ind.basis)
      e.definition = ind.definition
      e.frequency = ind.frequency
      e.ref = ind.ref
      e.polaritySource = ind.polaritySource
      e.pairedWith = ind.pairedWith
      e.aliases = ind.pairedWith == nil ? [ind.title] : nil
      e.source = source(ind.source)
      let vs = imp.values.filter { $0.indicator == ind.id }
      func perYear(_ role: ScorecardRole) -> ([String: Double]?, [String: Double]?) {
        let list = vs.filter { $0.role == role && $0.value != nil }.sorted { $0.period < $1.period }
        guard !list.isEmpty else { return (nil, nil) }
        var year = [String: Double](), quarter = [String: Double]()
        for v in list {
          year[v.year] = v.value
          quarter["\(v.year) Q\(v.period.financialQuarter)"] = v.value
        }
        return (year, list.count > year.count ? quarter : nil)
      }
      (e.targets, e.quarterlyTargets) = perYear(.target)
      (e.interventionLevels, e.quarterlyInterventionLevels) = perYear(.interventionLevel)
      var notes = [String: String]()
      for v in vs where v.role == .target {
        if let n = v.note { notes["\(v.year) Q\(v.period.financialQuarter)"] = n }
      }
      e.targetNotes = notes.isEmpty ? nil : notes
      var comps = [String: [String: Double]]()
      for v in vs where v.role == .comparator {
        if let x = v.value, let g = v.geography { comps[g, default: [:]][v.year] = x }
      }
      e.comparators = comps.isEmpty ? nil : comps
      return e
    }
  }

  /// The draft catalogue as YAML (`indicators: [...]`).
  public static func catalogueYAML(_ imp: ScorecardImport) throws -> String {
    struct File: Encodable { var indicators: [CatalogueEntry] }
    let encoder = YAMLEncoder()
    encoder.options.sortKeys = true
    encoder.options.width = -1
    return "# Generated by kpi-forecast import from \(imp.files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")).\n"
      + (try encoder.encode(File(indicators: catalogueEntries(imp))))
  }
}
