import Foundation
import KPIData
import KPIForecast
import KPIStats

/// Renders forecasts as the CSV contract of DESIGN §4, a table for people, or JSON.
public enum ForecastRenderer {
  /// `indicator[,geography],period,mean,lo80,hi80,lo95,hi95,model` (lo/hi pairs follow `levels`).
  public static func csv(_ forecasts: [SeriesForecast], levels: [Double], withGeography: Bool) -> String {
    String(decoding: csvBytes(forecasts, levels: levels, withGeography: withGeography), as: UTF8.self)
  }

  /// Series per chunk when the CSV is written on all cores.
  static let csvChunk = 512

  /// ``csv(_:levels:withGeography:)`` as UTF-8 bytes.
  public static func csvBytes(_ forecasts: [SeriesForecast], levels: [Double], withGeography: Bool) -> [UInt8] {
    let chunks = csvChunks(forecasts, levels: levels, withGeography: withGeography)
    var out = [UInt8]()
    out.reserveCapacity(chunks.reduce(0) { $0 + $1.count })
    for c in chunks { out.append(contentsOf: c) }
    return out
  }

  /// ``csv(_:levels:withGeography:)`` as UTF-8 chunks, the header first: chunks of series are
  /// written into byte buffers on all cores and kept in input order, so the bytes are those of
  /// a one-core run.
  public static func csvChunks(_ forecasts: [SeriesForecast], levels: [Double], withGeography: Bool) -> [[UInt8]] {
    let starts = Array(stride(from: 0, to: forecasts.count, by: csvChunk))
    return [csvHeader(levels: levels, withGeography: withGeography)] + starts.parallelMap { start in
      csvRows(forecasts[start..<min(start + csvChunk, forecasts.count)], levels: levels, withGeography: withGeography)
    }
  }

  /// The CSV header line.
  public static func csvHeader(levels: [Double], withGeography: Bool) -> [UInt8] {
    var header = ["indicator"]
    if withGeography { header.append("geography") }
    header += ["period", "mean"]
    for l in levels { header += ["lo\(levelName(l))", "hi\(levelName(l))"] }
    header.append("model")
    return Array((header.joined(separator: ",") + "\n").utf8)
  }

  /// One series' CSV rows (the bytes ``csvChunks(_:levels:withGeography:)`` writes for it).
  public static func csvRows(_ forecast: SeriesForecast, levels: [Double], withGeography: Bool) -> [UInt8] {
    csvRows([forecast][...], levels: levels, withGeography: withGeography)
  }

  /// The CSV rows of some series: each text field's quoting decided once per series.
  static func csvRows(_ forecasts: ArraySlice<SeriesForecast>, levels: [Double], withGeography: Bool) -> [UInt8] {
    var out = [UInt8]()
    out.reserveCapacity(forecasts.count * 4 * 120)
    for f in forecasts where !f.periods.isEmpty {
      var lead = [UInt8]()
      NumberFormat.appendCSVField(f.series.key.indicator, to: &lead)
      lead.append(0x2C)
      if withGeography {
        NumberFormat.appendCSVField(f.series.key.geography ?? "", to: &lead)
        lead.append(0x2C)
      }
      var model = [UInt8]()
      NumberFormat.appendCSVField(f.model, to: &model)
      for (p, d) in zip(f.periods, f.distributions) {
        out.append(contentsOf: lead)
        p.appendDescription(to: &out)
        out.append(0x2C)
        NumberFormat.appendMachine(d.point, to: &out)
        for l in levels {
          let (lo, hi) = d.interval(level: l)
          out.append(0x2C)
          NumberFormat.appendMachine(lo, to: &out)
          out.append(0x2C)
          NumberFormat.appendMachine(hi, to: &out)
        }
        out.append(0x2C)
        out.append(contentsOf: model)
        out.append(0x0A)
      }
    }
    return out
  }

  /// `80` → "80", `99.5` → "99.5".
  public static func levelName(_ l: Double) -> String { NumberFormat.machine(l) }

  /// Human format of a value in its unit (``NumberFormat/value(_:unit:)``).
  public static func format(_ x: Double, unit: KPIUnit) -> String { NumberFormat.value(x, unit: unit) }

  /// An aligned table with units, then the notes (warnings) per series.
  public static func table(_ forecasts: [SeriesForecast], levels: [Double], withGeography: Bool) -> String {
    var header = ["Indicator"]
    if withGeography { header.append("Geography") }
    header += ["Period", "Forecast"]
    for l in levels { header.append("\(levelName(l))% interval") }
    header += ["Unit", "Model"]
    var rows = [[String]]()
    for f in forecasts {
      for (p, d) in zip(f.periods, f.distributions) {
        var r = [f.series.key.indicator]
        if withGeography { r.append(f.series.key.geography ?? "") }
        r += [p.description, format(d.point, unit: f.series.unit)]
        for l in levels {
          let (lo, hi) = d.interval(level: l)
          r.append("\(format(lo, unit: f.series.unit)) to \(format(hi, unit: f.series.unit))")
        }
        r += [f.series.unit.rawValue, f.model]
        rows.append(r)
      }
    }
    let right = Set((withGeography ? 3 : 2)..<(withGeography ? 4 : 3) + levels.count)
    var out = TextTable(header: header, rows: rows, rightAligned: right).render()
    let notes = Notes.grouped(forecasts)
    if !notes.isEmpty {
      out += "\nNotes:\n"
      for n in notes { out += "  \(n)\n" }
    }
    return out
  }

  struct JSONInterval: Encodable { var level: Double; var lower: Double; var upper: Double }
  struct JSONPoint: Encodable { var period: String; var mean: Double; var intervals: [JSONInterval] }
  struct JSONSeries: Encodable {
    var indicator: String; var geography: String?; var unit: String; var model: String; var transform: String
    var warnings: [String]; var forecasts: [JSONPoint]
  }

  public static func json(_ forecasts: [SeriesForecast], levels: [Double]) throws -> String {
    let items = forecasts.map { f in
      JSONSeries(indicator: f.series.key.indicator, geography: f.series.key.geography, unit: f.series.unit.rawValue, model: f.model,
                 transform: f.transform.name, warnings: f.warnings,
                 forecasts: zip(f.periods, f.distributions).map { p, d in
                   JSONPoint(period: p.description, mean: d.point, intervals: levels.map { l in
                     let (lo, hi) = d.interval(level: l); return JSONInterval(level: l, lower: lo, upper: hi) })
                 })
    }
    let enc = JSONEncoder()
    enc.outputFormatting = [.prettyPrinted, .sortedKeys]
    return String(decoding: try enc.encode(["series": items]), as: UTF8.self) + "\n"
  }
}
