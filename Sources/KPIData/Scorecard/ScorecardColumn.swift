import Foundation

/// What a scorecard column holds, read from its header text.
public enum ScorecardColumn: Sendable, Equatable {
  /// Numbers of one role at one period (`Q1 Outturn 2022/23`, `Q2 2019/20`, `Mar-23`, `Target Mar-24`).
  case value(role: ScorecardRole, period: Period, label: String)
  /// A comparator's published value (`England Average`, `Comparator Group`).
  case comparator(name: String, label: String)
  /// The indicator's name (`Measure`, `Key Performance Indicator`).
  case label
  /// Polarity (`Good Performance High/Low`).
  case polarity
  /// Reporting basis.
  case basis
  /// The indicator's definition.
  case definition
  /// Commentary: reasons, actions, comments, RAG status.
  case text(String)
  /// A column with an empty header (label columns, status symbols).
  case unnamed
}
