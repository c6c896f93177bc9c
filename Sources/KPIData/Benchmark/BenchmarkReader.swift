import Foundation

/// Reads the benchmark long format `series_id,period_index,value,split` (split = train|test),
/// as in `shared/data/benchmarks/tourism_quarterly.csv`, and its optional meta file
/// (`series_id,…,start_year,start_quarter,…`).
public enum BenchmarkReader {
  /// Whether a header row is the benchmark long format.
  public static func isBenchmarkHeader(_ fields: [String]) -> Bool {
    let l = fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    return ["series_id", "period_index", "value", "split"].allSatisfy(l.contains)
  }

  public static func read(path: String, meta: String? = nil) throws -> [BenchmarkSeries] {
    try parse(records: CSVReader().read(path: path), file: InputFile.displayName(path), meta: meta.map { try CSVReader().read(path: $0) }, metaFile: meta ?? "")
  }

  public static func parse(text: String, file: String = "<input>") throws -> [BenchmarkSeries] {
    try parse(records: CSVReader().parse(text: text, file: file), file: file, meta: nil, metaFile: "")
  }

  /// Parses records already read (so standard input is read once).
  public static func parse(records: [CSVReader.Record], file: String, meta: [CSVReader.Record]? = nil, metaFile: String = "") throws -> [BenchmarkSeries] {
    guard let header = records.first else { throw DataError.emptyFile(file: file) }
    let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    func col(_ n: String) throws -> Int {
      guard let i = names.firstIndex(of: n) else { throw DataError.missingColumn(file: file, column: n, header: header.fields) }
      return i
    }
    let iId = try col("series_id"), iIdx = try col("period_index"), iVal = try col("value"), iSplit = try col("split")
    var order = [String]()
    var rows = [String: [(index: Int, value: Double, test: Bool, line: Int)]]()
    for rec in records.dropFirst() {
      let f = rec.fields
      guard f.count >= names.count else {
        throw DataError.wrongFieldCount(file: file, row: rec.line, expected: names.count, found: f.count)
      }
      let id = f[iId]
      guard let idx = Int(f[iIdx].trimmingCharacters(in: .whitespaces)) else {
        throw DataError.invalid(InputLocation(file: file, row: rec.line, column: "period_index"), message: "'\(f[iIdx])' is not a whole number")
      }
      let v: Double
      if let p = ObservationReader.parseNumber(f[iVal]) { v = p }
      else if ObservationReader.missingMarkers.contains(f[iVal].lowercased()) || f[iVal].isEmpty { v = .nan }
      else { throw DataError.unparsableValue(InputLocation(file: file, row: rec.line, column: "value"), text: f[iVal]) }
      let split = f[iSplit].trimmingCharacters(in: .whitespaces).lowercased()
      guard split == "train" || split == "test" else {
        throw DataError.invalid(InputLocation(file: file, row: rec.line, column: "split"), message: "'\(f[iSplit])' is neither 'train' nor 'test'")
      }
      if rows[id] == nil { order.append(id) }
      rows[id, default: []].append((idx, v, split == "test", rec.line))
    }
    var starts = [String: (Int, String?)]()
    if let meta, let mh = meta.first {
      let mn = mh.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
      if let mi = mn.firstIndex(of: "series_id"), let mq = mn.firstIndex(of: "start_quarter") {
        let mc = mn.firstIndex(of: "category")
        for r in meta.dropFirst() where r.fields.count > max(mi, mq) {
          guard let q = Int(r.fields[mq]), (1...4).contains(q) else {
            throw DataError.invalid(InputLocation(file: metaFile, row: r.line, column: "start_quarter"), message: "'\(r.fields[mq])' is not a quarter 1–4")
          }
          starts[r.fields[mi]] = (q - 1, mc.flatMap { $0 < r.fields.count ? r.fields[$0] : nil })
        }
      }
    }
    return try order.map { id in
      let rs = (rows[id] ?? []).sorted { $0.index < $1.index }
      for (a, b) in zip(rs, rs.dropFirst()) {
        if b.index == a.index {
          throw DataError.duplicateObservation(InputLocation(file: file, row: b.line, column: "period_index"), firstRow: a.line, key: "\(id) \(b.index)")
        }
        if b.index != a.index + 1 {
          throw DataError.invalid(InputLocation(file: file, row: b.line, column: "period_index"), message: "series \(id) jumps from \(a.index) to \(b.index); give every period (empty value for missing)")
        }
        if a.test && !b.test {
          throw DataError.invalid(InputLocation(file: file, row: b.line, column: "split"), message: "series \(id) has a train row after a test row")
        }
      }
      return BenchmarkSeries(id: id, train: rs.filter { !$0.test }.map(\.value), test: rs.filter(\.test).map(\.value),
                             firstSeason: starts[id]?.0, group: starts[id]?.1)
    }
  }
}
