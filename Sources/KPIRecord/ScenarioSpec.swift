import Foundation

/// A scenario as the workshop page sends it and the record keeps it: effects on one KPI
/// (absolute or relative change from a period, over a ramp) and convergence toward a comparator.
public struct ScenarioSpec: Codable, Sendable, Equatable {
  /// One planned change: exactly one of `change` (KPI units) or `relative` (fraction, −0.1 = 10% lower).
  public struct Effect: Codable, Sendable, Equatable {
    public var change: Double?
    public var relative: Double?
    /// First period affected, e.g. `2024-09` or `2024/25 Q2`.
    public var from: String
    /// Periods to reach the full effect (1 = at once).
    public var ramp: Int?

    public init(change: Double? = nil, relative: Double? = nil, from: String, ramp: Int? = nil) {
      self.change = change
      self.relative = relative
      self.from = from
      self.ramp = ramp
    }
  }

  /// Closing `share` (0–1) of the gap to a named comparator or a given value by the year-end.
  public struct Convergence: Codable, Sendable, Equatable {
    public var comparator: String?
    public var value: Double?
    public var share: Double

    public init(comparator: String? = nil, value: Double? = nil, share: Double) {
      self.comparator = comparator
      self.value = value
      self.share = share
    }
  }

  public var name: String?
  public var effects: [Effect]
  public var convergence: [Convergence]

  public init(name: String? = nil, effects: [Effect] = [], convergence: [Convergence] = []) {
    self.name = name
    self.effects = effects
    self.convergence = convergence
  }

  enum CodingKeys: String, CodingKey { case name, effects, convergence }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    name = try c.decodeIfPresent(String.self, forKey: .name)
    effects = try c.decodeIfPresent([Effect].self, forKey: .effects) ?? []
    convergence = try c.decodeIfPresent([Convergence].self, forKey: .convergence) ?? []
  }

  /// True when the scenario changes nothing (the baseline).
  public var isBaseline: Bool { effects.isEmpty && convergence.isEmpty }

  /// Canonical JSON text (sorted keys): the key under which vintages are stored; "" for the baseline.
  public var canonicalText: String {
    guard !isBaseline else { return "" }
    let e = JSONEncoder()
    e.outputFormatting = [.sortedKeys]
    return (try? e.encode(self)).flatMap { String(data: $0, encoding: .utf8) } ?? ""
  }

  /// Reads canonical JSON text back ("" or unreadable text → the baseline).
  public static func parse(_ text: String) -> ScenarioSpec {
    guard !text.isEmpty, let s = try? JSONDecoder().decode(ScenarioSpec.self, from: Data(text.utf8)) else { return ScenarioSpec() }
    return s
  }
}
