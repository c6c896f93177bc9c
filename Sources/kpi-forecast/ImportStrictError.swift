import ArgumentParser
import Foundation
import KPIData
import KPIReport

/// `--strict` and some cells were unreadable.
struct ImportStrictError: Error, CustomStringConvertible {
  var count: Int
  var description: String { "\(count) cell(s) could not be read (--strict); see the import report" }
}
