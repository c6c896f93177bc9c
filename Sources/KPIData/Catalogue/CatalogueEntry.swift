import Foundation
import Yams

/// One KPI's entry in the catalogue (DESIGN §3).
public struct CatalogueEntry: Sendable, Codable, Equatable {
  public var id: String
  public var title: String
  public var definition: String?
  public var unit: KPIUnit
  /// [lower, upper]; either may be omitted with `null`. Defaults from the unit.
  public var bounds: [Double?]?
  public var polarity: Polarity?
  public var basis: ReportingBasis?
  public var frequency: Frequency?
  /// `auto`, `none`, `log`, `log1p`, `logit`, `sqrt`.
  public var transform: String?
  /// `auto`, `regression`, `snaive`, `drift`, ….
  public var model: String?
  public var seasonalPrior: SeasonalPriorSpec?
  /// Targets per financial year label (`2022/23`).
  public var targets: [String: Double]?
  /// Intervention levels per financial year label.
  public var interventionLevels: [String: Double]?
  /// Published comparator values: comparator name → year label → value.
  public var comparators: [String: [String: Double]]?
  /// Where the entry's facts come from (seed file and table).
  public var source: String?
  /// Periods (any accepted notation) from which the level is known to shift.
  public var levelShifts: [String]?
  /// Titles as printed in scorecards, matched (ignoring case and punctuation) by the importer.
  public var aliases: [String]?
  /// Targets per financial-year quarter as published (`2022/23 Q1`), when they differ by quarter.
  public var quarterlyTargets: [String: Double]?
  /// Intervention levels per financial-year quarter as published.
  public var quarterlyInterventionLevels: [String: Double]?
  /// Targets published as words or as a comparator, per year (`2022/23 Q2: decrease from Q1`).
  public var targetNotes: [String: String]?
  /// Where the polarity comes from: `published` or `inferred from target and intervention level`.
  public var polaritySource: String?
  /// The scorecard's own number for the KPI (`1.1`).
  public var ref: String?
  /// For a bracketed series (`471 (62.6)` → count and rate): the indicator it is printed with.
  public var pairedWith: String?
  /// The DfE LAIT measure code holding this KPI for every authority (`16-17_not known_NEET`), for benchmarking.
  public var laitMeasure: String?
  /// The KPI's value is fixed (by statute or plan): a zero-width band and a 0% or 100%
  /// probability are then facts, not false certainty.
  public var fixed: Bool?
  /// Where no intervention level is published: how far worse than the target, as a fraction of
  /// the target, counts as "significantly worse" (▲). Default
  /// ``CatalogueEntry/defaultSignificantMargin``.
  public var significantMargin: Double?

  /// The documented default for "significantly worse than target" without a published
  /// intervention level: more than 10% of the target's value on the worse side. It reproduces
  /// every ★/●/▲ of the Q4 2023/24 scorecard (seed 003), whose ● KPIs sit at most 4.6% short of
  /// target and whose ▲ KPIs at least 12.9%.
  public static let defaultSignificantMargin = 0.10

  enum CodingKeys: String, CodingKey {
    case id, title, definition, unit, bounds, polarity, basis, frequency, transform, model, source, targets, comparators
    case seasonalPrior = "seasonal_prior"
    case interventionLevels = "intervention_levels"
    case levelShifts = "level_shifts"
    case aliases, ref
    case quarterlyTargets = "quarterly_targets"
    case quarterlyInterventionLevels = "quarterly_intervention_levels"
    case targetNotes = "target_notes"
    case polaritySource = "polarity_source"
    case pairedWith = "paired_with"
    case laitMeasure = "lait_measure"
    case fixed
    case significantMargin = "significant_margin"
  }

  /// Every key an entry may have in YAML (for unknown-key errors).
  public static let allowedKeys: Set<String> = [
    "id", "title", "definition", "unit", "bounds", "polarity", "basis", "frequency", "transform", "model", "source", "targets",
    "comparators", "seasonal_prior", "intervention_levels", "level_shifts", "aliases", "ref", "quarterly_targets",
    "quarterly_intervention_levels", "target_notes", "polarity_source", "paired_with", "lait_measure", "fixed",
    "significant_margin",
  ]

  public init(id: String, title: String, unit: KPIUnit, bounds: [Double?]? = nil, polarity: Polarity? = nil, basis: ReportingBasis? = nil) {
    self.id = id
    self.title = title
    self.unit = unit
    self.bounds = bounds
    self.polarity = polarity
    self.basis = basis
  }

  /// Effective bounds: explicit bounds, else the unit's.
  public var effectiveBounds: (lower: Double?, upper: Double?) {
    if let b = bounds, b.count == 2 { return (b[0], b[1]) }
    return unit.defaultBounds
  }
}
