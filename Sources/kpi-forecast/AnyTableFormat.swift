import ArgumentParser
import KPIForecast
import KPIPlanning
import KPIReport

/// Every tabular format: `table`, `csv`, `json` or `markdown`.
enum AnyTableFormat: String, FormatChoice {
  case table, csv, json, markdown
  static var standard: Self { .table }
}
