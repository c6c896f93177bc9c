import Foundation
import Testing

/// A national batch through the command line: the same bytes on one core as on all, and each
/// series' rows in the batch equal to the rows of that series forecast alone.
@Suite struct ScaleCLITests {
  /// A seeded batch of quarterly series over several authorities (one name needs quoting),
  /// periods in three notations, gaps, percents and counts; more series than one writer chunk.
  static func batch(series: Int) -> String {
    var rows = ["indicator,geography,period,value,unit,source"]
    var state: UInt64 = 20_261_204
    func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53)
    }
    for s in 0..<series {
      let geo = s % 7 == 3 ? "\"Bournemouth, Christchurch and Poole \(s / 7)\"" : "LA \(s % 50)"
      let ind = "kpi\(s / 50)", percent = (s / 50) % 3 != 0   // one unit per indicator
      let n = 12 + Int(next() * 20), start = 2010 * 4 + Int(next() * 20)
      let base = percent ? 20 + 60 * next() : 10 + 200 * next()
      for t in 0..<n where t == 0 || t == n - 1 || next() > 0.05 {
        let q = start + t, y = q / 4, cq = q % 4
        let period = s % 5 == 0 ? "\(y)-\(String(format: "%02d", 3 * cq + 3))"
          : s % 5 == 1 ? "\(cq == 0 ? y - 1 : y)/\(String(format: "%02d", (cq == 0 ? y : y + 1) % 100)) Q\(cq == 0 ? 4 : cq)"
          : "\(y)-Q\(cq + 1)"
        let v = base * (1 + 0.1 * Double(cq == 2 ? 1 : 0)) + 3 * (next() - 0.5) + 0.2 * Double(t)
        rows.append("\(ind),\(geo),\(period),\(percent ? String(format: "%.1f", min(max(v, 0.5), 99.5)) : String(Int(v.rounded()))),\(percent ? "percent" : "count"),synthetic")
      }
    }
    return rows.joined(separator: "\n") + "\n"
  }

  static func run(_ args: [String], environment: [String: String] = [:]) throws -> (code: Int32, out: String, err: String) {
    let p = Process()
    p.executableURL = productsDirectory().appendingPathComponent("kpi-forecast")
    p.arguments = args
    p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let o = Pipe(), e = Pipe()
    p.standardOutput = o
    p.standardError = e
    try p.run()
    let od = o.fileHandleForReading.readDataToEndOfFile(), ed = e.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: od, as: UTF8.self), String(decoding: ed, as: UTF8.self))
  }

  @Test(arguments: ["regression", "auto"])
  func oneCoreRunWritesTheSameBytes(model: String) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kpi-scale-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let input = dir.appendingPathComponent("batch.csv").path
    try Self.batch(series: 600).write(toFile: input, atomically: true, encoding: .utf8)
    let args = ["forecast", input, "--model", model, "--horizon", "4", "--format", "csv"]
    let all = try Self.run(args)
    let one = try Self.run(args, environment: ["KPI_FORECAST_CORES": "1"])
    #expect(all.code == 0 && one.code == 0, "\(all.err.suffix(300)) \(one.err.suffix(300))")
    #expect(all.out.split(separator: "\n").count == 1 + 600 * 4)
    #expect(all.out == one.out)
  }

  /// Regression pools nothing over the batch, so each series forecast alone gives exactly the
  /// rows it has in the batch (auto's calibrated bands and short series' borrowed spread are
  /// pooled over the batch by design, DESIGN §5).
  @Test func batchRowsEqualEachSeriesForecastAlone() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kpi-scale-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let text = Self.batch(series: 60)
    let input = dir.appendingPathComponent("batch.csv").path
    try text.write(toFile: input, atomically: true, encoding: .utf8)
    let args = ["--model", "regression", "--horizon", "4", "--format", "csv"]
    let batch = try Self.run(["forecast", input] + args)
    #expect(batch.code == 0)
    let batchLines = batch.out.split(separator: "\n").map(String.init)
    var lines = text.split(separator: "\n").map(String.init)
    let header = lines.removeFirst()
    // Group input rows by their indicator and geography (the text before the period).
    var order = [String](), groups = [String: [String]]()
    for l in lines {
      let key = String(l[..<(l.range(of: ",20")?.lowerBound ?? l.endIndex)])
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(l)
    }
    #expect(order.count == 60)
    for (k, key) in order.enumerated() {
      let single = dir.appendingPathComponent("s\(k).csv").path
      try ([header] + (groups[key] ?? [])).joined(separator: "\n").write(toFile: single, atomically: true, encoding: .utf8)
      let alone = try Self.run(["forecast", single] + args)
      #expect(alone.code == 0)
      let rows = alone.out.split(separator: "\n").dropFirst().map(String.init)
      #expect(rows.count == 4)
      for r in rows { #expect(batchLines.contains(r), "\(key): \(r)") }
    }
  }

  /// A DfE LAIT long extract is taken by path by every INPUT command: its forecasts equal those of
  /// the same observations written as tidy rows, and an unreadable value is named on its own line.
  @Test func laitExtractByPathEqualsItsTidyRows() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kpi-lait-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    var lait = ["measure_code,period,geographic_level,area_name,old_la_code,region,value,suppressed"]
    var tidy = ["indicator,period,value,geography"]
    for a in 0..<40 {
      let name = a == 7 ? "\"Bournemouth, Christchurch and Poole\"" : "LA \(a)"
      for y in 2017...2024 {
        let v = String(format: "%.1f", 5 + Double(a % 9) + 0.3 * Double((y * 7 + a) % 5))
        lait.append("CareLeaversNEET,\(y - 1)/\(y % 100),Local authority,\(name),\(800 + a),South West,\(v),0")
        tidy.append("CareLeaversNEET,\(y - 1)/\(y % 100),\(v),\(name)")
      }
    }
    let laitPath = dir.appendingPathComponent("lait_childrens_kpis_long.csv").path
    let tidyPath = dir.appendingPathComponent("tidy.csv").path
    try (lait.joined(separator: "\n") + "\n").write(toFile: laitPath, atomically: true, encoding: .utf8)
    try (tidy.joined(separator: "\n") + "\n").write(toFile: tidyPath, atomically: true, encoding: .utf8)
    for command in [["forecast", "--horizon", "2", "--format", "csv"], ["year-end", "--format", "csv"]] {
      let fromLAIT = try Self.run([command[0], laitPath] + command.dropFirst())
      let fromTidy = try Self.run([command[0], tidyPath] + command.dropFirst())
      #expect(fromLAIT.code == 0 && fromTidy.code == 0, "\(fromLAIT.err.suffix(300))")
      #expect(fromLAIT.out == fromTidy.out && !fromLAIT.out.isEmpty, "\(command[0])")
      #expect(fromLAIT.err.contains("DfE LAIT extract"))
    }
    lait[3] = lait[3].replacingOccurrences(of: ",0", with: ",x").replacingOccurrences(of: "South West,", with: "South West,seven")
    try (lait.joined(separator: "\n") + "\n").write(toFile: laitPath, atomically: true, encoding: .utf8)
    let bad = try Self.run(["forecast", laitPath, "--format", "csv"])
    #expect(bad.code == 1)
    #expect(bad.err.contains("row 4") && bad.err.contains("seven"), "\(bad.err)")
  }

  /// Targets for an annual panel of many authorities are the same bytes on every run and on one
  /// core (each process hashes with a new seed, so a sum taken in a dictionary's order would
  /// differ in its last bits between runs).
  @Test func targetsAreTheSameOnEveryRun() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kpi-targets-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    var rows = ["indicator,period,value,geography,unit,polarity"]
    for a in 0..<60 {
      for y in 2016...2024 {
        let v = 3 + Double(a % 11) * 0.37 + 0.21 * Double((y * 13 + a * 7) % 9) + 0.05 * Double(y - 2016)
        rows.append("NEET,\(y - 1)/\(y % 100),\(String(format: "%.2f", v)),Authority \(a),percent,smaller")
      }
    }
    let input = dir.appendingPathComponent("panel.csv").path
    try (rows.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
    let args = ["targets", input, "--year", "2024/25", "--format", "csv"]
    let first = try Self.run(args), second = try Self.run(args)
    let one = try Self.run(args, environment: ["KPI_FORECAST_CORES": "1"])
    #expect(first.code == 0, "\(first.err.suffix(300))")
    #expect(first.out.split(separator: "\n").count == 61)
    #expect(first.out == second.out)
    #expect(first.out == one.out)
  }
}
