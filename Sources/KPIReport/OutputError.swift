import Foundation
import KPIData

public enum OutputError: Error, CustomStringConvertible, Equatable {
  case cannotWrite(path: String, reason: String)
  public var description: String {
    switch self { case .cannotWrite(let p, let r): return "\(p): cannot write output: \(r)" }
  }
}
