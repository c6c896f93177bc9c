import ArgumentParser
import Foundation
import KPIData
import KPIForecast

/// What an INPUT command works on.
struct LoadedInput {
  var set: ObservationSet
  var catalogue: Catalogue
  var series: [KPISeries]

  /// This month (periods after it are noted).
  static var today: Period {
    let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: Date())
    return Period(year: c.year ?? 2000, month: c.month ?? 1)
  }
}
