import Foundation
import KPIData
import KPIForecast

/// Why the demand inputs cannot be assembled (the command line reports these as usage errors:
/// they are fixed by naming an indicator, geography or population).
public struct DemandSetupError: Error, CustomStringConvertible, Equatable {
  public var description: String
  public init(_ description: String) { self.description = description }
}

extension ExclusionInput {
  /// Picks the exclusion series (default `permanent-exclusions`, else `TotPermEx`) from the
  /// engine's forecasts of the whole input (made with ``Horizon/yearEnds(_:)`` for `years`, so
  /// the first year is the year-end command's distribution) and turns values into pupils:
  /// counts as they are, a percent of pupils × population/100, a rate per 1,000 × population/1,000.
  /// Returns the inputs and plain-English notes for the assumptions list.
  public static func build(from forecasts: [SeriesForecast], indicators: [String], populations: [Double], geography: String?,
                           file: String) throws -> (inputs: [ExclusionInput], notes: [String]) {
    let indexed = forecasts.enumerated().filter { !GeographyKind(name: $0.element.series.key.geography).isAggregate }
    let series = indexed.map(\.element.series)
    let ids = Set(series.map(\.key.indicator))
    let wanted = indicators.isEmpty ? Array(["permanent-exclusions", "TotPermEx"].filter { ids.contains($0) }.prefix(1)) : indicators
    guard !wanted.isEmpty else { throw DemandSetupError("no permanent-exclusions indicator found in \(file); name it with --indicator") }
    var inputs = [ExclusionInput](), notes = [String]()
    for (k, id) in wanted.enumerated() {
      var matches = indexed.filter { $0.element.series.key.indicator == id }
      guard !matches.isEmpty else { throw DemandSetupError("--indicator '\(id)' is not in \(file)") }
      if let g = geography {
        matches = matches.filter { $0.element.series.key.geography?.lowercased() == g.lowercased() }
        guard !matches.isEmpty else { throw DemandSetupError("--geography '\(g)' has no \(id) rows in \(file)") }
      }
      if matches.count > 1 {
        throw DemandSetupError("\(id) has \(matches.count) geographies in \(file) (\(matches.prefix(4).map { $0.element.series.key.geography ?? "the authority" }.joined(separator: ", "))\(matches.count > 4 ? ", …" : "")): choose one with --geography")
      }
      guard let (index, f) = matches.first, f.series.values.contains(where: { !$0.isNaN }) else { throw DemandSetupError("\(id) has no observations in \(file)") }
      if let r = f.refusal { throw DemandSetupError("\(id): \(r)") }
      let s = f.series
      var mult = 1.0
      var desc = "\(s.key): counts of pupils"
      if s.unit == .percent || s.unit == .rate {
        guard k < populations.count else {
          throw DemandSetupError("\(id) is a \(s.unit.rawValue): give the school population with --population (in --indicator order)")
        }
        mult = populations[k] / (s.unit == .percent ? 100 : 1_000)
        desc = "\(s.key): \(s.unit == .percent ? "percent of" : "rate per 1,000 of") a school population of \(NumberFormat.human(populations[k], decimals: 0))"
      }
      notes.append(desc + "; forecast by \(f.model)")
      inputs.append(ExclusionInput(forecast: f, multiplier: mult, description: desc, streamIndex: index))
    }
    return (inputs, notes)
  }
}

extension APDemandParameters {
  /// The assumptions in words, with the source of each default (docs/PLANNING.md §5).
  public var assumptions: [String] {
    var a = [String]()
    a.append("share of permanently excluded pupils placed in AP: \(shareToAP)" + (shareToAP == 1 ? " (default: seed 001 — a child who cannot be placed in a mainstream school will be in AP)" : ""))
    a.append("average stay in AP: \(averageStayYears) year(s)" + (averageStayYears == 1 ? " (default; an assumption — set --stay from local data)" : "") + "; placements arrive evenly through the year")
    a.append("places carried over into the first year: \(NumberFormat.human(carriedOver, decimals: 0))")
    switch cost {
    case .uniform(let lo, let hi):
      a.append("cost per place per year: uniform between £\(NumberFormat.human(lo, decimals: 0)) and £\(NumberFormat.human(hi, decimals: 0))"
        + (lo == 20_000 && hi == 50_000 ? " (default: seed 001, £20,000–£50,000 a place a year, High Needs Block)" : ""))
    case .triangular(let lo, let mode, let hi):
      a.append("cost per place per year: triangular between £\(NumberFormat.human(lo, decimals: 0)) and £\(NumberFormat.human(hi, decimals: 0)), most likely £\(NumberFormat.human(mode, decimals: 0))")
    }
    a.append("exclusions are read from joint forecast paths: the periods and years of a path move together as the model implies")
    return a
  }
}
