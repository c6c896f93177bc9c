import Foundation
import KPIData

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
