import Foundation

/// The DfE LAIT long extract (`measure_code,period,geographic_level,area_name,…,value,suppressed`)
/// read by path as tidy observations, so every command takes it as it is published.
///
/// Each record becomes `indicator,period,value,geography,unit,polarity` on the same line number
/// (errors name the file's own lines): the measure code is the indicator; the authority keeps its
/// name as geography, a national row becomes `England` and a regional row its region's name
/// (both comparators, ``GeographyKind``); a suppressed cell (`suppressed` = 1) is a gap. Units and
/// polarities come from `lait_childrens_kpis_measures.csv` beside the file when it is there
/// (`%` → percent, a rate → rate, else count; High → bigger, Low → smaller), as
/// `scripts/lait_to_tidy.py`, which keeps regional rows out.
public enum LAITLongFile {
  /// The columns that make a header LAIT's.
  public static let requiredColumns = ["measure_code", "period", "geographic_level", "area_name", "value"]
  /// The measures file looked for beside the extract.
  public static let measuresFileName = "lait_childrens_kpis_measures.csv"

  /// A measure's unit and polarity as tidy column values.
  public struct Measure: Sendable, Equatable {
    public var unit: String
    public var polarity: String
    public init(unit: String, polarity: String) { self.unit = unit; self.polarity = polarity }
  }

  /// Whether a header row is LAIT's (its required columns present, no `indicator` column).
  public static func isLAIT(header: [String]) -> Bool {
    let names = Set(header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
    return !names.contains("indicator") && requiredColumns.allSatisfy(names.contains)
  }

  /// The tidy CSV for a file given by path, or nil when it is not a LAIT extract (standard
  /// input is never one: it cannot be looked at twice). Only the first line is read to decide.
  public static func tidyIfLAIT(path: String) throws -> [UInt8]? {
    guard path != "-", let handle = FileHandle(forReadingAtPath: path) else { return nil }
    let head = (try? handle.read(upToCount: 65_536)) ?? nil
    try? handle.close()
    // The first line through the CSV reader (BOM, quotes and CR as for any input).
    guard let head, let header = (try? CSVReader().records(bytes: Array(head.prefix { $0 != 0x0A }), file: path))?.first?.fields,
          isLAIT(header: header) else { return nil }
    let bytes = try [UInt8](InputFile.read(path: path))
    let folder = (path as NSString).deletingLastPathComponent
    let measures = try measures(path: (folder.isEmpty ? "." : folder) + "/" + measuresFileName)
    return try tidy(bytes: bytes, file: InputFile.displayName(path), measures: measures)
  }

  /// Units and polarities by measure code from a LAIT measures file; empty when it is absent.
  public static func measures(path: String) throws -> [String: Measure] {
    guard FileManager.default.fileExists(atPath: path) else { return [:] }
    let records = try CSVReader().parse(data: InputFile.read(path: path), file: path)
    guard let header = records.first?.fields.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }),
          let code = header.firstIndex(of: "measure_code") else { return [:] }
    let unit = header.firstIndex(of: "unit"), polarity = header.firstIndex(of: "polarity")
    var out = [String: Measure]()
    for r in records.dropFirst() where code < r.fields.count {
      let u = unit.flatMap { $0 < r.fields.count ? r.fields[$0].lowercased() : nil } ?? ""
      let p = polarity.flatMap { $0 < r.fields.count ? r.fields[$0] : nil } ?? ""
      out[r.fields[code]] = Measure(unit: u.contains("%") ? "percent" : u.contains("rate") ? "rate" : "count",
                                    polarity: p == "High" ? "bigger" : p == "Low" ? "smaller" : "")
    }
    return out
  }

  /// Rewrites a LAIT extract's bytes as tidy CSV, record for record on the same line numbers.
  public static func tidy(bytes: [UInt8], file: String, measures: [String: Measure]) throws -> [UInt8] {
    var out = [UInt8]()
    out.reserveCapacity(bytes.count)
    var header: [String: Int] = [:]
    var line = 1
    for record in try CSVReader().records(bytes: bytes, file: file) {
      // Blank lines keep the next record on its own line number (the reader skips them).
      while line < record.line { out.append(0x0A); line += 1 }
      if header.isEmpty {
        for (i, name) in record.fields.enumerated() { header[name.trimmingCharacters(in: .whitespaces).lowercased()] = i }
        out += Array("indicator,period,value,geography,unit,polarity\n".utf8)
        line += 1
        continue
      }
      func field(_ name: String) -> String {
        guard let i = header[name], i < record.fields.count else { return "" }
        return record.fields[i]
      }
      let code = field("measure_code")
      let level = field("geographic_level").lowercased()
      let geography = level == "national" ? "England" : field("area_name")
      let value = field("suppressed").trimmingCharacters(in: .whitespaces) == "1" ? "" : field("value")
      let m = measures[code]
      for (k, cell) in [code, field("period"), value, geography, m?.unit ?? "", m?.polarity ?? ""].enumerated() {
        if k > 0 { out.append(0x2C) }
        NumberFormat.appendCSVField(cell, to: &out)
      }
      out.append(0x0A)
      line += 1
    }
    return out
  }
}
