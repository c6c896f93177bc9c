import Foundation
import KPIData
import Yams

/// Reads scenario YAML files (docs/PLANNING.md, "Scenario files") strictly: every key known
/// (a misspelt one is named with the nearest allowed key), every value of the right type and
/// range, every required key present — each error with the file, line and key.
public enum ScenarioFile {
  static let topKeys = ["scenarios"]
  static let scenarioKeys = ["name", "description", "effects", "convergence"]
  static let effectKeys = ["indicator", "change", "relative", "from", "ramp"]
  static let convergenceKeys = ["indicator", "comparator", "value", "share"]

  /// The scenarios of a file (`-` = standard input).
  public static func load(path: String) throws -> [Scenario] { try read(path: path).scenarios }

  /// The scenarios of a file with the line of each indicator named.
  public static func read(path: String) throws -> ScenarioDocument {
    try parse(data: InputFile.read(path: path), file: InputFile.displayName(path))
  }

  /// Parses scenario YAML text.
  public static func parse(text: String, file: String = "<scenarios>") throws -> [Scenario] {
    try parse(data: Data(text.utf8), file: file).scenarios
  }

  /// Parses scenario YAML bytes.
  public static func parse(data: Data, file: String) throws -> ScenarioDocument {
    func fail(_ node: Node?, _ m: String) -> DataError { StrictYAML.error(file, node, m) }
    guard let root = try StrictYAML.compose(data: data, file: file) else {
      throw DataError.configuration(file: file, line: nil, message: "the file is empty; it should hold 'scenarios:' and a list of named scenarios")
    }
    let top = try StrictYAML.mapping(root, file: file, what: "the file (with the key 'scenarios:')")
    try StrictYAML.checkKeys(top, at: root, allowed: topKeys, required: topKeys, file: file, context: "the top level (the file holds 'scenarios:')")
    let items = try StrictYAML.sequence(top["scenarios"] ?? root, file: file, what: "'scenarios'")
    var lines = [String: Int]()
    var seen = [String: Int]()
    var scenarios = [Scenario]()
    for (n, item) in items.enumerated() {
      let map = try StrictYAML.mapping(item, file: file, what: "scenario \(n + 1)")
      try StrictYAML.checkKeys(map, at: item, allowed: scenarioKeys, required: ["name"], file: file, context: "scenario \(n + 1)")
      let name = try StrictYAML.string(map["name"] ?? item, key: "name", file: file, context: "scenario \(n + 1)")
      guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw fail(map["name"], "scenario \(n + 1) has an empty name") }
      if let first = seen[name] { throw fail(map["name"], "scenario name '\(name)' is used twice (first at line \(first))") }
      seen[name] = map["name"]?.mark?.line ?? 0
      let ctx = "scenario '\(name)'"
      let description = try map["description"].map { try StrictYAML.string($0, key: "description", file: file, context: ctx) }
      var effects = [Scenario.Effect]()
      for (k, node) in try (map["effects"].map { try StrictYAML.sequence($0, file: file, what: "'effects' of \(ctx)") } ?? []).enumerated() {
        let what = "effect \(k + 1) of \(ctx)"
        let e = try StrictYAML.mapping(node, file: file, what: what)
        try StrictYAML.checkKeys(e, at: node, allowed: effectKeys, required: ["indicator", "from"], file: file, context: what)
        let indicator = try StrictYAML.string(e["indicator"] ?? node, key: "indicator", file: file, context: what)
        if lines[indicator] == nil { lines[indicator] = e["indicator"]?.mark?.line }
        let fromNode = e["from"] ?? node
        let fromText = try StrictYAML.string(fromNode, key: "from", file: file, context: what)
        guard let from = Period.parse(fromText)?.period else {
          throw fail(fromNode, "'from: \(fromText)' in \(what) is not a period; write e.g. 2024/25 Q2 or 2024-09")
        }
        let change = try e["change"].map { try StrictYAML.number($0, key: "change", file: file, context: what) }
        let relative = try e["relative"].map { try StrictYAML.number($0, key: "relative", file: file, context: what, percentAllowed: true) }
        guard (change == nil) != (relative == nil) else {
          throw fail(node, "\(what) (\(indicator)): give exactly one of 'change' (in the indicator's units, e.g. -3) or 'relative' (a fraction, -0.10 = 10% lower)")
        }
        if let r = relative, !(r > -1) {
          throw fail(e["relative"], "'relative: \(e["relative"]?.string ?? "")' in \(what) is \(NumberText.plain(r * 100))%; a relative change must be above -100% (a fall of all of it)")
        }
        let ramp = try e["ramp"].map { try StrictYAML.integer($0, key: "ramp", file: file, context: what) } ?? 1
        guard (1...120).contains(ramp) else { throw fail(e["ramp"], "'ramp: \(ramp)' in \(what) must be 1 to 120 periods (1 = the full effect at once)") }
        effects.append(Scenario.Effect(indicator: indicator, change: change, relative: relative, from: from, ramp: ramp))
      }
      var convergence = [Scenario.Convergence]()
      for (k, node) in try (map["convergence"].map { try StrictYAML.sequence($0, file: file, what: "'convergence' of \(ctx)") } ?? []).enumerated() {
        let what = "convergence \(k + 1) of \(ctx)"
        let c = try StrictYAML.mapping(node, file: file, what: what)
        try StrictYAML.checkKeys(c, at: node, allowed: convergenceKeys, required: ["indicator", "share"], file: file, context: what)
        let indicator = try StrictYAML.string(c["indicator"] ?? node, key: "indicator", file: file, context: what)
        if lines[indicator] == nil { lines[indicator] = c["indicator"]?.mark?.line }
        let share = try StrictYAML.number(c["share"] ?? node, key: "share", file: file, context: what)
        guard share >= 0, share <= 1 else { throw fail(c["share"], "'share: \(NumberText.plain(share))' in \(what) must be between 0 and 1 (0.5 = close half the gap)") }
        let comparator = try c["comparator"].map { try StrictYAML.string($0, key: "comparator", file: file, context: what) }
        let value = try c["value"].map { try StrictYAML.number($0, key: "value", file: file, context: what) }
        guard (comparator == nil) != (value == nil) else {
          throw fail(node, "\(what) (\(indicator)): give exactly one of 'comparator' (a name) or 'value' (a number)")
        }
        convergence.append(Scenario.Convergence(indicator: indicator, comparator: comparator, value: value, share: share))
      }
      scenarios.append(Scenario(name: name, description: description, effects: effects, convergence: convergence))
    }
    return ScenarioDocument(file: file, scenarios: scenarios, indicatorLines: lines)
  }
}
