import Foundation
import KPIData
import KPIForecast
import KPIStats

/// Renders XmR charts: the CSV contract of DESIGN §4 (one row per point), a table, JSON.
public enum SPCRenderer {
  public static let csvHeader = "indicator,geography,period,value,mean,lpl,upl,point_type"

  public static func csv(_ charts: [SeriesSPC]) -> String {
    var lines = [csvHeader]
    for c in charts {
      for (p, pt) in zip(c.periods, c.chart.points) {
        lines.append([NumberFormat.csvField(c.series.key.indicator), NumberFormat.csvField(c.series.key.geography ?? ""), p.description,
                      NumberFormat.machine(pt.value), NumberFormat.machine(pt.mean), NumberFormat.machine(pt.lpl),
                      NumberFormat.machine(pt.upl), pt.type.rawValue].joined(separator: ","))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Plain words for a variation icon, e.g. "special cause: improvement (high)".
  public static func words(_ v: SPCVariation?) -> String {
    switch v {
    case nil: return "–"
    case .commonCause: return "common cause"
    case .improvementHigh: return "improvement (high)"
    case .improvementLow: return "improvement (low)"
    case .concernHigh: return "concern (high)"
    case .concernLow: return "concern (low)"
    case .neutralHigh: return "special cause (high)"
    case .neutralLow: return "special cause (low)"
    }
  }

  /// Plain words for an assurance icon.
  public static func words(_ a: SPCAssurance?) -> String {
    switch a {
    case nil: return "–"
    case .consistentPass: return "will consistently meet the target"
    case .consistentFail: return "will consistently miss the target"
    case .inconsistent: return "may meet or miss the target"
    }
  }

  /// A summary per series (latest limits, icons) then every special-cause point.
  public static func table(_ charts: [SeriesSPC], targets: [SeriesKey: Double] = [:]) -> String {
    let withGeo = charts.contains { $0.series.key.geography != nil }
    var header = ["Indicator"]
    if withGeo { header.append("Geography") }
    header += ["Points", "Mean", "Lower limit", "Upper limit", "Variation", "Assurance", "Special-cause points"]
    var rows = [[String]]()
    for c in charts {
      let u = c.series.unit
      var r = [c.series.key.indicator]
      if withGeo { r.append(c.series.key.geography ?? "") }
      let last = c.chart.points.last
      func f(_ x: Double?) -> String { x.map { $0.isFinite ? ForecastRenderer.format($0, unit: u) : "–" } ?? "–" }
      let special = c.chart.points.filter { $0.type.isSpecialCause }.count
      r += [String(c.chart.points.count), f(last?.mean), f(last?.lpl), f(last?.upl), words(c.chart.variation),
            words(c.chart.assurance(target: targets[c.series.key])), String(special)]
      rows.append(r)
    }
    let off = withGeo ? 1 : 0
    var out = TextTable(header: header, rows: rows, rightAligned: Set([1 + off, 2 + off, 3 + off, 4 + off, 7 + off])).render()
    let signals = charts.flatMap { c in zip(c.periods, c.chart.points).filter { $0.1.type.isSpecialCause }.map { (c, $0.0, $0.1) } }
    if !signals.isEmpty {
      out += "\nSpecial-cause points:\n"
      for (c, p, pt) in signals {
        out += "  \(c.series.key) \(p): \(ForecastRenderer.format(pt.value, unit: c.series.unit)) — "
          + "\(pt.type.rawValue.replacingOccurrences(of: "_", with: " ")) (\(pt.rules.names.joined(separator: "; ")))\n"
      }
    }
    let rebased = charts.filter { !$0.rebases.isEmpty }
    for c in rebased { out += "\n\(c.series.key): limits rebased at \(c.rebases.map(\.description).joined(separator: ", "))" }
    if !rebased.isEmpty { out += "\n" }
    let notes = notes(charts)
    if !notes.isEmpty { out += "\nNotes:\n" + notes.map { "  \($0)\n" }.joined() }
    return out
  }

  /// Per-series notes grouped as ``Notes`` groups forecast notes.
  public static func notes(_ charts: [SeriesSPC]) -> [String] {
    var order = [String](), who = [String: [String]]()
    for c in charts { if let n = c.note { if who[n] == nil { order.append(n) }; who[n, default: []].append(c.series.key.description) } }
    return order.map { n in
      let keys = who[n] ?? []
      return keys.count > 3 ? "\(keys.count) series: \(n) (e.g. \(keys.prefix(3).joined(separator: ", ")))" : keys.map { "\($0): \(n)" }.joined(separator: "\n  ")
    }
  }

  struct JSONPoint: Encodable {
    var period: String; var value: Double; var mean: Double?; var lpl: Double?; var upl: Double?
    var pointType: String; var rules: [String]
  }
  struct JSONSeries: Encodable {
    var indicator: String; var geography: String?; var direction: String; var rules: String
    var rebases: [String]; var variation: String?; var assurance: String?; var target: Double?; var points: [JSONPoint]
  }

  public static func json(_ charts: [SeriesSPC], targets: [SeriesKey: Double] = [:]) throws -> String {
    func opt(_ x: Double) -> Double? { x.isFinite ? x : nil }
    let items = charts.map { c in
      JSONSeries(indicator: c.series.key.indicator, geography: c.series.key.geography,
                 direction: ["decrease", "neutral", "increase"][c.chart.direction.rawValue + 1], rules: c.chart.rules.rawValue,
                 rebases: c.rebases.map(\.description), variation: c.chart.variation?.rawValue,
                 assurance: c.chart.assurance(target: targets[c.series.key])?.rawValue, target: targets[c.series.key],
                 points: zip(c.periods, c.chart.points).map { p, pt in
                   JSONPoint(period: p.description, value: pt.value, mean: opt(pt.mean), lpl: opt(pt.lpl), upl: opt(pt.upl),
                             pointType: pt.type.rawValue, rules: pt.rules.names)
                 })
    }
    let enc = JSONEncoder()
    enc.outputFormatting = [.prettyPrinted, .sortedKeys]
    enc.keyEncodingStrategy = .convertToSnakeCase
    return String(decoding: try enc.encode(["spc": items]), as: UTF8.self) + "\n"
  }
}
