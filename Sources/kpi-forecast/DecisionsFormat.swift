import ArgumentParser

/// Export formats of the decisions record.
enum DecisionsFormat: String, FormatChoice {
  case csv, yaml
  static var standard: Self { .csv }
}
