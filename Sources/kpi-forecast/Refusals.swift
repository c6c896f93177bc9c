import Foundation
import KPIForecast

/// Series the engine did not forecast because the user's own option cannot be honoured for
/// them: every other series is written; each refused one is named on stderr and the run exits 1.
enum Refusals: Error, CustomStringConvertible {
  case some(Int, of: Int)

  static func check(_ forecasts: [SeriesForecast]) throws {
    let refused = forecasts.filter { $0.refusal != nil }
    guard !refused.isEmpty else { return }
    for f in refused { FileHandle.standardError.write(Data("error: \(f.refusal.map { "\($0)" } ?? "")\n".utf8)) }
    throw Refusals.some(refused.count, of: forecasts.count)
  }

  var description: String {
    switch self {
    case .some(let n, let total): return "\(n) of \(total) series not forecast (named above); the other \(total - n) were written"
    }
  }
}
