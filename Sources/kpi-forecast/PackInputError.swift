import ArgumentParser
import Foundation
import KPIData
import KPIForecast
import KPIPlanning
import KPIReport

/// A filter names something the input does not hold.
enum PackInputError: Error, CustomStringConvertible {
  case unknown(file: String, what: String, value: String)
  var description: String {
    switch self { case .unknown(let f, let w, let v): return "\(f): no \(w) '\(v)' in the input" }
  }
}
