

/// What a number in a scorecard is: the authority's value, a target, an intervention level or a
/// comparator's value.
public enum ScorecardRole: String, Sendable, Equatable, Hashable, CaseIterable {
  case outturn
  case target
  case interventionLevel = "intervention_level"
  case comparator
}
