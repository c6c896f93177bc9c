import ArgumentParser
import Foundation
import KPIData
import KPIForecast
import KPIPlanning
import KPIReport

/// The pack's output formats.
enum PackFormat: String, FormatChoice {
  case html, markdown
  static var standard: Self { .html }
}
