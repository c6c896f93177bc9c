import Foundation

/// Comparator statistics per KPI and year for one authority (issue 3 item 4), following LAIT's
/// conventions (../shared/data/README.md and the LAIT code, `R/fn_analysis.R`):
/// - statistical-neighbour average = plain mean of the neighbours' values (here: of those with a value);
/// - rank by polarity, 1 = best, ties at the minimum rank (`rank(-x, ties.method = "min")` for High);
/// - quartile bands from `quantile(values, type = 7)` of all authorities' values that year: for Low
///   polarity A = [q0, q25], B = (q25, q50], C = (q50, q75], D = (q75, q100]; for High the letters
///   are reversed (A = (q75, q100]); context measures (polarity `-`) get no rank and no band.
public enum Benchmark {
  public static func compute(_ data: LAITData, authority query: String, catalogue: Catalogue = Catalogue()) throws -> [BenchmarkRow] {
    guard let a = data.authority(query) else {
      throw DataError.invalid(InputLocation(file: (data.folder as NSString).appendingPathComponent(LAITData.longFile)),
        message: "no authority '\(query)'; give an old LA code such as 839 (BCP) or a unique part of a name")
    }
    let preds = data.predecessors(of: a)
    let neighbours = data.neighbours[a.code] ?? []
    let goodOutstanding = Set(data.ofsted.filter { ["good", "outstanding"].contains($0.value.lowercased()) }.keys)
    var linked = [String: String]()
    for e in catalogue.entries.values.sorted(by: { $0.id < $1.id }) { if let m = e.laitMeasure, linked[m] == nil { linked[m] = e.id } }
    var rows = [BenchmarkRow]()
    for code in data.values.keys.sorted() {
      let measure = data.measures[code] ?? LAITData.Measure(code: code, name: code, lait: "", yearType: "", unit: "")
      let byPeriod = data.values[code] ?? [:]
      for period in byPeriod.keys.sorted() {
        let areas = byPeriod[period] ?? [:]
        func v(_ key: String) -> Double? { areas[key] ?? nil }
        let laValues: [(String, Double)] = areas.compactMap { k, x in
          guard k.hasPrefix("la:"), let x else { return nil }
          return (String(k.dropFirst(3)), x)
        }
        let value = v("la:\(a.code)")
        let nVals = neighbours.compactMap { v("la:\($0)") }
        let goVals = laValues.filter { goodOutstanding.contains($0.0) }.map(\.1)
        var row = BenchmarkRow(measure: code, measureName: measure.name, indicator: linked[code], period: period, polarity: measure.polarity,
                               unit: measure.unit, authority: a.name, value: value, england: v("england"), region: a.region,
                               regionValue: v("region:\(a.region)"), neighbourMean: mean(nVals), neighbourMedian: median(nVals),
                               neighbourCount: nVals.count, goodOutstandingMean: mean(goVals), goodOutstandingCount: goVals.count,
                               rank: nil, rankOf: laValues.count, quartileBand: nil, predecessorValues: [], note: nil)
        if let value, let p = measure.polarity {
          let all = laValues.map(\.1)
          row.rank = rank(value, among: all, polarity: p)
          row.quartileBand = quartileBand(value, among: all, polarity: p)
        } else if value != nil {
          row.note = "context measure: LAIT gives no rank or band"
        }
        if value == nil {
          row.predecessorValues = preds.compactMap { p in v("la:\(p.code)").map { (p.name, $0) } }
          if areas["la:\(a.code)"] != nil, (areas["la:\(a.code)"] ?? nil) == nil { row.note = "suppressed" }
          if !row.predecessorValues.isEmpty { row.note = "before \(a.name) existed: predecessor values shown" }
        }
        if neighbours.isEmpty { row.note = [row.note, "no statistical neighbours listed for \(a.code) in the 2025 model"].compactMap { $0 }.joined(separator: "; ") }
        rows.append(row)
      }
    }
    return rows
  }

  public static func mean(_ x: [Double]) -> Double? { x.isEmpty ? nil : x.reduce(0, +) / Double(x.count) }

  public static func median(_ x: [Double]) -> Double? { quantile(x, 0.5) }

  /// R's default `quantile(type = 7)`: h = (n − 1)p, linear between order statistics.
  public static func quantile(_ x: [Double], _ p: Double) -> Double? {
    guard !x.isEmpty else { return nil }
    let s = x.sorted()
    let h = Double(s.count - 1) * p
    let lo = Int(h.rounded(.down))
    let hi = min(lo + 1, s.count - 1)
    return s[lo] + (h - Double(lo)) * (s[hi] - s[lo])
  }

  /// 1 = best: High ranks descending, Low ascending; ties take the minimum rank.
  public static func rank(_ v: Double, among all: [Double], polarity: Polarity) -> Int {
    1 + all.filter { polarity == .smaller ? $0 < v : $0 > v }.count
  }

  /// LAIT's quartile band (see the type's documentation).
  public static func quartileBand(_ v: Double, among all: [Double], polarity: Polarity) -> String? {
    guard let q25 = quantile(all, 0.25), let q50 = quantile(all, 0.5), let q75 = quantile(all, 0.75) else { return nil }
    let low = v <= q25 ? 0 : v <= q50 ? 1 : v <= q75 ? 2 : 3
    let index = polarity == .bigger ? 3 - low : low
    return ["A", "B", "C", "D"][index]
  }

  /// `measure,measure_name,indicator,year,polarity,unit,authority,value,england,region,region_value,sn_mean,sn_median,sn_count,good_outstanding_mean,good_outstanding_count,rank,rank_of,quartile_band,predecessors,note`.
  public static func csv(_ rows: [BenchmarkRow]) -> String {
    func n(_ x: Double?) -> String { x.map { NumberText.plain(($0 * 1e6).rounded() / 1e6) } ?? "" }
    var out = "measure,measure_name,indicator,year,polarity,unit,authority,value,england,region,region_value,sn_mean,sn_median,sn_count,"
      + "good_outstanding_mean,good_outstanding_count,rank,rank_of,quartile_band,predecessors,note\n"
    for r in rows {
      let preds = r.predecessorValues.map { "\($0.0)=\(n($0.1))" }.joined(separator: "; ")
      let f = [r.measure, r.measureName, r.indicator ?? "", r.period, r.polarity?.rawValue ?? "", r.unit, r.authority, n(r.value), n(r.england),
               r.region, n(r.regionValue), n(r.neighbourMean), n(r.neighbourMedian), "\(r.neighbourCount)", n(r.goodOutstandingMean),
               "\(r.goodOutstandingCount)", r.rank.map(String.init) ?? "", "\(r.rankOf)", r.quartileBand ?? "", preds, r.note ?? ""]
      out += f.map(ImportRenderer.csv).joined(separator: ",") + "\n"
    }
    return out
  }
}
