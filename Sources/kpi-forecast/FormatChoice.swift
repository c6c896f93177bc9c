import ArgumentParser
import KPIForecast
import KPIPlanning
import KPIReport

/// A command's own set of output formats: `--help` lists exactly these (generated from the
/// cases), and an unsupported one is a usage error from the parser itself.
protocol FormatChoice: ExpressibleByArgument, CaseIterable, RawRepresentable, Sendable where RawValue == String {
  /// The format when `--format` is not given.
  static var standard: Self { get }
}

/// `table` or `csv`.
enum TableOrCSV: String, FormatChoice {
  case table, csv
  static var standard: Self { .table }
}

/// `table`, `csv` or `json`.
enum TableCSVOrJSON: String, FormatChoice {
  case table, csv, json
  static var standard: Self { .table }
}

/// Every tabular format: `table`, `csv`, `json` or `markdown`.
enum AnyTableFormat: String, FormatChoice {
  case table, csv, json, markdown
  static var standard: Self { .table }
}

extension ModelChoice: ExpressibleByArgument {}
extension TransformChoice: ExpressibleByArgument {}
extension ComparatorChoice: ExpressibleByArgument {}

/// Kept for commands that still declare `--format` as the shared ``OutputFormat`` (prefer an
/// ``OutputOptions`` with the command's own ``FormatChoice``, so help lists only what it writes).
extension OutputFormat: ExpressibleByArgument {}
