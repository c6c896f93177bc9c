import Foundation
import KPIData
import KPIForecast
import KPIPlanning

/// Scores recorded vintages and decisions against the outturns in newer data: forecast error,
/// whether the 80%/95% intervals covered the outturn, and whether agreed targets were met.
public enum Review {
  /// The observed year-end outturn of `series` for the financial year ending `yearEnd` under
  /// `basis`, read the way the year-end engine aggregates (``YearEndAggregation``): Year to
  /// Date on sub-annual data → the sum of the year's periods (counts) or their mean (other
  /// units), needing every period of the year; otherwise the March value.
  public static func outturn(of series: KPISeries, basis: ReportingBasis, yearEnd: Period) -> Double? {
    var byPeriod = [Period: Double]()
    for (i, v) in series.values.enumerated() where !v.isNaN { byPeriod[series.period(at: i)] = v }
    if basis == .yearToDate, series.frequency != .annual {
      let step = series.frequency.monthsPerStep
      let periods = stride(from: yearEnd.monthIndex - 12 + step, through: yearEnd.monthIndex, by: step).map { Period(monthIndex: $0) }
      let values = periods.compactMap { byPeriod[$0] }
      guard values.count == periods.count, !values.isEmpty else { return nil }
      let sum = values.reduce(0, +)
      return (series.unit == .count || series.unit == .number) ? sum : sum / Double(values.count)
    }
    return byPeriod[yearEnd]
  }

  /// Scores every vintage and decision against `series` (the authority's series per indicator).
  public static func score(vintages: [ForecastVintage], decisions: [Decision],
                           series: [KPISeries]) -> (vintages: [VintageScore], decisions: [DecisionScore]) {
    var byIndicator = [String: KPISeries]()
    for s in series where !GeographyKind(name: s.key.geography).isAggregate && byIndicator[s.key.indicator] == nil {
      byIndicator[s.key.indicator] = s
    }
    let vs = vintages.map { v -> VintageScore in
      guard let s = byIndicator[v.indicator], let end = Period.parse(v.yearEnd)?.period else { return VintageScore(vintage: v, outturn: nil) }
      let basis = ReportingBasis(rawValue: v.basis) ?? .snapshot
      return VintageScore(vintage: v, outturn: outturn(of: s, basis: basis, yearEnd: end))
    }
    var shownBasis = [String: ReportingBasis]()
    for v in vintages { if let b = ReportingBasis(rawValue: v.basis) { shownBasis["\(v.indicator)|\(v.year)"] = b } }
    let ds = decisions.map { d -> DecisionScore in
      guard let s = byIndicator[d.indicator], let end = Period.parse(d.year)?.period.nextMarchOrSelf else {
        return DecisionScore(decision: d, outturn: nil, status: nil)
      }
      // The basis the room saw for that KPI and year (a recorded vintage), else the catalogue's.
      let basis = shownBasis["\(d.indicator)|\(d.year)"] ?? YearEndCalculator.basis(of: s).0
      let y = outturn(of: s, basis: basis, yearEnd: end)
      let th = Thresholds(target: d.target, interventionLevel: d.interventionLevel, polarity: s.polarity ?? .bigger)
      return DecisionScore(decision: d, outturn: y, status: y.flatMap { th.status(of: $0) })
    }
    return (vs, ds)
  }
}

extension Period {
  /// This period when it is a March, else the next March (the financial year-end it falls in).
  var nextMarchOrSelf: Period { month == 3 ? self : Period(year: financialYearEnd, month: 3) }
}
