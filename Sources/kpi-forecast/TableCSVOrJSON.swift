import ArgumentParser
import KPIForecast
import KPIPlanning
import KPIReport

/// `table`, `csv` or `json`.
enum TableCSVOrJSON: String, FormatChoice {
  case table, csv, json
  static var standard: Self { .table }
}
