import Foundation
import KPIData
import Yams

/// Reads scenario YAML files.
public enum ScenarioFile {
  struct RawEffect: Decodable { var indicator: String; var change: Double?; var relative: Double?; var from: String; var ramp: Int? }
  struct RawConvergence: Decodable { var indicator: String; var comparator: String?; var value: Double?; var share: Double }
  struct RawScenario: Decodable { var name: String; var description: String?; var effects: [RawEffect]?; var convergence: [RawConvergence]? }
  struct RawFile: Decodable { var scenarios: [RawScenario] }

  public static func load(path: String) throws -> [Scenario] {
    guard let data = FileManager.default.contents(atPath: path) else { throw DataError.unreadableFile(file: path, reason: "cannot read") }
    guard let text = String(data: data, encoding: .utf8) else { throw DataError.notUTF8(file: path, row: 1, byteOffset: 0) }
    return try parse(text: text, file: path)
  }

  public static func parse(text: String, file: String = "<scenarios>") throws -> [Scenario] {
    let raw: RawFile
    do { raw = try YAMLDecoder().decode(RawFile.self, from: text) } catch {
      throw DataError.invalid(InputLocation(file: file), message: "scenario YAML: \(error)")
    }
    var seen = Set<String>()
    return try raw.scenarios.map { r in
      let loc = InputLocation(file: file, column: "scenario '\(r.name)'")
      guard seen.insert(r.name).inserted else { throw DataError.invalid(loc, message: "scenario name used twice") }
      let effects = try (r.effects ?? []).map { e -> Scenario.Effect in
        guard let p = Period.parse(e.from)?.period else {
          throw DataError.invalid(loc, message: "effect on \(e.indicator): 'from: \(e.from)' is not a period (e.g. 2024/25 Q2, 2024-09)")
        }
        guard (e.change == nil) != (e.relative == nil) else {
          throw DataError.invalid(loc, message: "effect on \(e.indicator): give exactly one of 'change' (absolute) or 'relative' (fraction, -0.10 = 10% lower)")
        }
        if let rel = e.relative, !(rel > -1 && rel.isFinite) { throw DataError.invalid(loc, message: "effect on \(e.indicator): relative \(rel) must be above -1") }
        if let c = e.change, !c.isFinite { throw DataError.invalid(loc, message: "effect on \(e.indicator): change must be a number") }
        let ramp = e.ramp ?? 1
        guard ramp >= 1, ramp <= 120 else { throw DataError.invalid(loc, message: "effect on \(e.indicator): ramp \(ramp) must be 1 to 120 periods") }
        return Scenario.Effect(indicator: e.indicator, change: e.change, relative: e.relative, from: p, ramp: ramp)
      }
      let conv = try (r.convergence ?? []).map { c -> Scenario.Convergence in
        guard c.share >= 0, c.share <= 1 else { throw DataError.invalid(loc, message: "convergence of \(c.indicator): share \(c.share) must be between 0 and 1") }
        guard (c.comparator == nil) != (c.value == nil) else {
          throw DataError.invalid(loc, message: "convergence of \(c.indicator): give exactly one of 'comparator' (a name) or 'value'")
        }
        return Scenario.Convergence(indicator: c.indicator, comparator: c.comparator, value: c.value, share: c.share)
      }
      return Scenario(name: r.name, description: r.description, effects: effects, convergence: conv)
    }
  }
}
