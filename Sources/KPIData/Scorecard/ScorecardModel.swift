/// What a number in a scorecard is: the authority's value, a target, an intervention level or a
/// comparator's value.
public enum ScorecardRole: String, Sendable, Equatable, Hashable, CaseIterable {
  case outturn
  case target
  case interventionLevel = "intervention_level"
  case comparator
}

/// One tidy value read from a scorecard (or a missing one, with its reason).
public struct ScorecardValue: Sendable, Equatable {
  public var indicator: String
  public var role: ScorecardRole
  public var period: Period
  /// Financial-year label of the period (`2022/23`).
  public var year: String
  /// `nil` = missing; `reason` says why.
  public var value: Double?
  /// Comparator name (`England`, `South West`, `Good/Outstanding`, `Comparator group`); nil otherwise.
  public var geography: String?
  public var unit: KPIUnit
  public var status: String?
  /// The aside kept from the cell (`14% Oct`), or a directional target's wording.
  public var note: String?
  /// Why there is no number.
  public var missingReason: String?
  /// Where the cell was: file, line, column header.
  public var source: InputLocation
  /// The cell as printed.
  public var text: String

  public init(indicator: String, role: ScorecardRole, period: Period, value: Double?, geography: String? = nil, unit: KPIUnit,
              status: String? = nil, note: String? = nil, missingReason: String? = nil, source: InputLocation, text: String) {
    self.indicator = indicator
    self.role = role
    self.period = period
    self.year = period.financialYearLabel
    self.value = value
    self.geography = geography
    self.unit = unit
    self.status = status
    self.note = note
    self.missingReason = missingReason
    self.source = source
    self.text = text
  }
}

/// An indicator as a scorecard describes it.
public struct ScorecardIndicator: Sendable, Equatable {
  public var id: String
  public var title: String
  /// The scorecard's own number for it (`1.1`, `14`), if printed.
  public var ref: String?
  public var definition: String?
  public var unit: KPIUnit
  public var polarity: Polarity?
  /// `published` (a polarity column) or `inferred from target and intervention level`.
  public var polaritySource: String?
  public var basis: ReportingBasis?
  public var frequency: Frequency
  public var section: String?
  /// File and first line.
  public var source: InputLocation
  /// The indicator whose bracketed numbers this one holds (`cic` for `cic-rate`).
  public var pairedWith: String?
  /// Commentary kept from text columns (reason, actions, comments), one string per line read.
  public var commentary: [String]
  /// Whether the id came from a catalogue entry (else it was made from the title).
  public var inCatalogue = false

  public init(id: String, title: String, unit: KPIUnit, frequency: Frequency = .quarterly, source: InputLocation) {
    self.id = id
    self.title = title
    self.unit = unit
    self.frequency = frequency
    self.source = source
    self.commentary = []
  }
}

/// A cell the importer did not turn into a number (or read with an aside), and why.
public struct ImportIssue: Sendable, Equatable {
  public enum Severity: String, Sendable, Equatable, Comparable {
    /// Read, with something kept beside the number (an aside, a status, a moved cell).
    case note
    /// No number: a known missing marker or an empty cell, reason kept.
    case missing
    /// Not a number and not a known marker: listed for a person to look at.
    case unreadable

    public static func < (a: Severity, b: Severity) -> Bool {
      let order: [Severity] = [.note, .missing, .unreadable]
      return (order.firstIndex(of: a) ?? 0) < (order.firstIndex(of: b) ?? 0)
    }
  }

  public var severity: Severity
  public var location: InputLocation
  public var indicator: String?
  public var text: String
  public var reason: String

  public init(severity: Severity, location: InputLocation, indicator: String? = nil, text: String, reason: String) {
    self.severity = severity
    self.location = location
    self.indicator = indicator
    self.text = text
    self.reason = reason
  }
}

/// Everything read from one or more scorecard files.
public struct ScorecardImport: Sendable {
  public var files: [String]
  /// One line per table or report block found (`file line 4: quarter blocks (target, intervention level, outturn)`).
  public var layouts: [String]
  public var indicators: [ScorecardIndicator]
  public var values: [ScorecardValue]
  public var issues: [ImportIssue]
  /// Count of cells in value columns seen (numbers, pairs, missing, unreadable), per file.
  public var cellCounts: [String: CellCounts]

  public init(files: [String] = [], layouts: [String] = [], indicators: [ScorecardIndicator] = [], values: [ScorecardValue] = [],
              issues: [ImportIssue] = [], cellCounts: [String: CellCounts] = [:]) {
    self.files = files
    self.layouts = layouts
    self.indicators = indicators
    self.values = values
    self.issues = issues
    self.cellCounts = cellCounts
  }

  /// Appends another import (files read one after the other).
  public mutating func append(_ other: ScorecardImport) {
    files += other.files
    layouts += other.layouts
    indicators += other.indicators
    values += other.values
    issues += other.issues
    for (k, v) in other.cellCounts { cellCounts[k, default: CellCounts()].add(v) }
  }
}

/// Tally of the value cells of a file.
public struct CellCounts: Sendable, Equatable {
  /// Cells holding one number (asides and statuses included).
  public var numbers = 0
  /// Cells holding two numbers (`471 (62.6)`).
  public var pairs = 0
  /// Empty or known-missing cells.
  public var missing = 0
  /// Directional targets (`decrease from Q1`).
  public var directional = 0
  /// Cells that are none of these.
  public var unreadable = 0

  public init() {}

  public var total: Int { numbers + pairs + missing + directional + unreadable }
  /// Numeric values written out (a pair gives two).
  public var valuesWritten: Int { numbers + 2 * pairs }

  mutating func add(_ o: CellCounts) {
    numbers += o.numbers; pairs += o.pairs; missing += o.missing; directional += o.directional; unreadable += o.unreadable
  }
}
