import Foundation
import KPIData
import Yams

/// A named workshop scenario (docs/PLANNING.md, "Scenario files"): effects on indicators and
/// convergence toward comparators, applied to the baseline forecast's simulated paths.
public struct Scenario: Sendable, Equatable {
  /// A planned change to one indicator from a period, reached over `ramp` periods.
  public struct Effect: Sendable, Equatable {
    public var indicator: String
    /// Absolute change in the KPI's units (e.g. −3 points), or nil.
    public var change: Double?
    /// Relative change as a fraction (−0.10 = 10% lower), or nil.
    public var relative: Double?
    /// First period affected.
    public var from: Period
    /// Periods to reach the full effect (1 = at once): the k-th affected period gets min(1, k/ramp).
    public var ramp: Int

    public init(indicator: String, change: Double? = nil, relative: Double? = nil, from: Period, ramp: Int = 1) {
      self.indicator = indicator
      self.change = change
      self.relative = relative
      self.from = from
      self.ramp = ramp
    }

    /// Applies the effect to value `y` at period `p` (unclamped).
    public func apply(_ y: Double, at p: Period, monthsPerStep: Int) -> Double {
      guard p >= from else { return y }
      let k = (p.monthIndex - from.monthIndex) / max(monthsPerStep, 1) + 1
      let f = min(1, Double(k) / Double(max(ramp, 1)))
      var v = y
      if let c = change { v += c * f }
      if let r = relative { v *= 1 + r * f }
      return v
    }
  }

  /// Closing a share of the gap between the baseline year-end (median) and a comparator.
  public struct Convergence: Sendable, Equatable {
    public var indicator: String
    /// A catalogue comparator name or input geography (e.g. `statistical_neighbours`, `England`).
    public var comparator: String?
    /// A comparator value given directly.
    public var value: Double?
    /// Share of the gap closed by the year-end (0–1).
    public var share: Double

    public init(indicator: String, comparator: String? = nil, value: Double? = nil, share: Double) {
      self.indicator = indicator
      self.comparator = comparator
      self.value = value
      self.share = share
    }
  }

  public var name: String
  public var description: String?
  public var effects: [Effect]
  public var convergence: [Convergence]

  public init(name: String, description: String? = nil, effects: [Effect] = [], convergence: [Convergence] = []) {
    self.name = name
    self.description = description
    self.effects = effects
    self.convergence = convergence
  }

  public var isBaseline: Bool { effects.isEmpty && convergence.isEmpty }
}

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
