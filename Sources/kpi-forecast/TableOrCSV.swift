import ArgumentParser
import KPIForecast
import KPIPlanning
import KPIReport

/// `table` or `csv`.
enum TableOrCSV: String, FormatChoice {
  case table, csv
  static var standard: Self { .table }
}
