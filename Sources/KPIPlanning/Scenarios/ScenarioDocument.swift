import KPIData

/// A scenario file as read: its scenarios and the line where each indicator is first named,
/// so an indicator missing from the input is an error at its line.
public struct ScenarioDocument: Sendable {
  public var file: String
  public var scenarios: [Scenario]
  /// Indicator → line of its first mention.
  public var indicatorLines: [String: Int]

  public init(file: String, scenarios: [Scenario], indicatorLines: [String: Int]) {
    self.file = file
    self.scenarios = scenarios
    self.indicatorLines = indicatorLines
  }

  /// Throws for the first indicator (by line) that is not among `known`, naming the nearest known one.
  public func requireIndicators(in known: Set<String>, input: String) throws {
    for (id, line) in indicatorLines.sorted(by: { ($0.value, $0.key) < ($1.value, $1.key) }) where !known.contains(id) {
      throw DataError.configuration(file: file, line: line,
        message: "indicator '\(id)' is not in \(input)\(Suggestion.hint(for: id, among: Array(known))); a scenario can only change an indicator of the input")
    }
  }
}
