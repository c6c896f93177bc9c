import Foundation
import Yams

/// Loads and validates one catalogue YAML file. Codable ignores keys it does not know, so the
/// file is first composed into a Yams `Node` and every mapping's keys are checked; then decoded;
/// then checked across fields. Every error names the file, the line, the indicator and the key.
enum CatalogueLoader {
  static let topKeys = ["indicators"]
  static let priorKeys = ["effects", "scale", "weight", "evidence"]

  static func load(path: String) throws -> [CatalogueEntry] {
    try parse(data: InputFile.read(path: path), file: path)
  }

  static func parse(data: Data, file: String) throws -> [CatalogueEntry] {
    guard let root = try StrictYAML.compose(data: data, file: file) else { return [] }
    guard let top = root.mapping else {
      throw StrictYAML.error(file, root, "expected a mapping with the key 'indicators:' at the top, found \(StrictYAML.kind(root))")
    }
    try StrictYAML.checkKeys(top, at: root, allowed: topKeys, file: file, context: "the top level (the file holds 'indicators:')")
    guard let list = top["indicators"] else { return [] }
    let items = try StrictYAML.sequence(list, file: file, what: "'indicators'")
    let allowed = CatalogueEntry.allowedKeys.sorted()
    var entries = [CatalogueEntry]()
    for (n, item) in items.enumerated() {
      let id = item.mapping?["id"]?.string ?? "entry \(n + 1)"
      let map = try StrictYAML.mapping(item, file: file, what: "each indicator")
      try StrictYAML.checkKeys(map, at: item, allowed: allowed, required: ["id", "title", "unit"], file: file, context: "indicator '\(id)'")
      if let pv = map["seasonal_prior"], let pm = pv.mapping {
        try StrictYAML.checkKeys(pm, at: pv, allowed: priorKeys, required: ["effects", "weight"], file: file,
                                 context: "seasonal_prior of indicator '\(id)'")
      }
      let entry: CatalogueEntry
      do { entry = try YAMLDecoder().decode(CatalogueEntry.self, from: item) } catch {
        let (path, message) = describe(error)
        let node = path.first.flatMap { map[$0] } ?? item
        var found = ""
        if path.count == 1, let key = path.first, let v = map[key] {
          found = ", found \(StrictYAML.kind(v))"
          let options: [String: [String]] = ["unit": KPIUnit.allCases.map(\.rawValue), "basis": ReportingBasis.allCases.map(\.rawValue),
                                             "polarity": ["bigger", "smaller", "plan"], "frequency": ["monthly", "quarterly", "annual"]]
          if let text = v.scalar?.string, let o = options[key] { found += Suggestion.hint(for: text, among: o) }
        }
        throw StrictYAML.error(file, node, "indicator '\(id)': \(message)\(found)")
      }
      var keyLines = [String: Int]()
      for (k, v) in map { if let key = k.string { keyLines[key] = v.mark?.line ?? k.mark?.line } }
      try validate(entry, file: file, line: item.mark?.line, keyLines: keyLines)
      entries.append(entry)
    }
    return entries
  }

  /// Key path and a plain message from a decoding error.
  static func describe(_ error: Error) -> ([String], String) {
    func path(_ p: [CodingKey]) -> [String] { p.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue } }
    guard let d = error as? DecodingError else { return ([], "the entry cannot be read") }
    switch d {
    case .typeMismatch(let t, let c):
      return (path(c.codingPath), "key '\(path(c.codingPath).joined(separator: "."))' has the wrong type: expected \(typeName(t))")
    case .valueNotFound(let t, let c):
      return (path(c.codingPath), "key '\(path(c.codingPath).joined(separator: "."))' is empty: expected \(typeName(t))")
    case .keyNotFound(let k, let c):
      let p = path(c.codingPath) + [k.stringValue]
      return (path(c.codingPath), "required key '\(p.joined(separator: "."))' is missing")
    case .dataCorrupted(let c):
      let p = path(c.codingPath)
      var allowed = ""
      switch p.first {
      case "unit": allowed = "; use one of \(KPIUnit.allCases.map(\.rawValue).joined(separator: ", "))"
      case "polarity": allowed = "; use bigger, smaller or plan"
      case "basis": allowed = "; use one of \(ReportingBasis.allCases.map(\.rawValue).joined(separator: ", "))"
      case "frequency": allowed = "; use monthly, quarterly or annual"
      default: break
      }
      return (p, "key '\(p.joined(separator: "."))' has a value that cannot be read\(allowed)")
    @unknown default:
      return ([], "the entry cannot be read")
    }
  }

  static func typeName(_ t: Any.Type) -> String {
    let s = "\(t)"
    if s.contains("Double") { return "a number" }
    if s.contains("Dictionary") { return "a mapping" }
    if s.contains("Array") || s.contains("Sequence") { return "a list" }
    if s.contains("Int") { return "a whole number" }
    if s.contains("Bool") { return "true or false" }
    if s.contains("String") { return "text" }
    return "a value of another kind"
  }

  /// Rules spanning fields: bounds ordered and holding every published number; an intervention
  /// level never on the better side of its target; a seasonal prior of 4 or 12 finite effects.
  static func validate(_ e: CatalogueEntry, file: String, line: Int?, keyLines: [String: Int] = [:]) throws {
    func fail(_ key: String, _ m: String) -> DataError {
      let top = String(key.prefix { $0 != "." })
      return DataError.configuration(file: file, line: keyLines[top] ?? line, message: "indicator '\(e.id)', key '\(key)': \(m)")
    }
    if e.id.isEmpty || e.id.contains(where: { $0 == " " || $0 == "," || $0 == "\"" || $0.isNewline }) {
      throw fail("id", "the id '\(e.id)' must be non-empty without spaces, commas or quotes")
    }
    if e.title.trimmingCharacters(in: .whitespaces).isEmpty { throw fail("title", "the title is empty") }
    if let b = e.bounds {
      guard b.count == 2 else { throw fail("bounds", "bounds must be [lower, upper]") }
      if let lo = b[0], let hi = b[1], !(lo < hi) { throw fail("bounds", "bounds [\(lo), \(hi)]: lower must be below upper") }
      for v in b.compactMap({ $0 }) where !v.isFinite { throw fail("bounds", "bounds must be finite numbers") }
    }
    let (lo, hi) = e.effectiveBounds
    func checkBounds(_ key: String, _ values: [String: Double]?) throws {
      for (k, v) in (values ?? [:]).sorted(by: { $0.key < $1.key }) {
        if !v.isFinite { throw fail("\(key).\(k)", "\(v) is not a finite number") }
        if let lo, v < lo { throw fail("\(key).\(k)", "\(NumberText.plain(v)) is below the lower bound \(NumberText.plain(lo)) of a \(e.unit.rawValue) indicator; fix the value or the bounds") }
        if let hi, v > hi { throw fail("\(key).\(k)", "\(NumberText.plain(v)) is above the upper bound \(NumberText.plain(hi)) of a \(e.unit.rawValue) indicator; fix the value or the bounds") }
      }
    }
    try checkBounds("targets", e.targets)
    try checkBounds("intervention_levels", e.interventionLevels)
    try checkBounds("quarterly_targets", e.quarterlyTargets)
    try checkBounds("quarterly_intervention_levels", e.quarterlyInterventionLevels)
    for (name, byYear) in e.comparators ?? [:] { try checkBounds("comparators.\(name)", byYear) }
    for (key, years) in [("targets", e.targets), ("quarterly_targets", e.quarterlyTargets)] {
      for y in (years ?? [:]).keys where Period.parse(y) == nil {
        throw fail("\(key).\(y)", "'\(y)' is not a year or quarter (use 2022/23 or 2022/23 Q2)")
      }
    }
    // Intervention level on the worse side of (or at) the target.
    if let p = e.polarity, p != .plan {
      let pairs: [(String, [String: Double]?, [String: Double]?)] = [
        ("intervention_levels", e.targets, e.interventionLevels),
        ("quarterly_intervention_levels", e.quarterlyTargets, e.quarterlyInterventionLevels),
      ]
      for (key, targets, levels) in pairs {
        for (y, l) in (levels ?? [:]).sorted(by: { $0.key < $1.key }) {
          guard let t = targets?[y] else { continue }
          if p == .bigger && l > t || p == .smaller && l < t {
            throw fail("\(key).\(y)", "the intervention level \(NumberText.plain(l)) is on the better side of the target \(NumberText.plain(t)) for a '\(p.rawValue) is better' indicator; the intervention level must be worse than the target")
          }
        }
      }
    }
    if let m = e.significantMargin, !(m > 0 && m < 1) {
      throw fail("significant_margin", "\(NumberText.plain(m)) must be a fraction of the target between 0 and 1 (0.1 = 10% worse than target)")
    }
    if let prior = e.seasonalPrior {
      guard prior.weight > 0, prior.weight.isFinite else { throw fail("seasonal_prior.weight", "must be a positive number") }
      guard [4, 12].contains(prior.effects.count) else { throw fail("seasonal_prior.effects", "needs 4 (quarters) or 12 (months) values, has \(prior.effects.count)") }
      guard prior.effects.allSatisfy(\.isFinite) else { throw fail("seasonal_prior.effects", "effects must be finite numbers") }
      if let s = prior.scale, !["data", "model"].contains(s) { throw fail("seasonal_prior.scale", "'\(s)' must be data or model") }
    }
    if let t = e.transform, !["auto", "none", "log", "log1p", "logit", "sqrt"].contains(t) {
      throw fail("transform", "'\(t)' must be auto, none, log, log1p, logit or sqrt")
    }
    for s in e.levelShifts ?? [] where Period.parse(s) == nil { throw fail("level_shifts", "'\(s)' is not a period") }
  }
}

extension Catalogue {
  /// Checks observations against the catalogue's bounds: a value outside an indicator's
  /// bounds is an error naming the observations file and row and the catalogue key.
  public func checkBounds(_ set: ObservationSet) throws {
    for o in set.observations {
      guard let v = o.value, let e = self[o.indicator] else { continue }
      let (lo, hi) = e.effectiveBounds
      if let lo, v < lo || (hi.map { v > $0 } ?? false) {
        throw DataError.invalid(InputLocation(file: set.file, row: o.row, column: "value"),
          message: "\(NumberText.plain(v)) for '\(o.indicator)' is outside the catalogue bounds [\(NumberText.plain(lo)), \(hi.map(NumberText.plain) ?? "∞")] (catalogue key '\(e.id).bounds' or its unit '\(e.unit.rawValue)')")
      }
      if lo == nil, let hi, v > hi {
        throw DataError.invalid(InputLocation(file: set.file, row: o.row, column: "value"),
          message: "\(NumberText.plain(v)) for '\(o.indicator)' is above the catalogue upper bound \(NumberText.plain(hi)) (catalogue key '\(e.id).bounds')")
      }
    }
  }
}
