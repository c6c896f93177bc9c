

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
