import ArgumentParser

/// Export formats of the decisions record.
enum DecisionsFormat: String, ExpressibleByArgument, CaseIterable {
  case csv, yaml
}
