import ArgumentParser
import Foundation
import KPIData
import KPIForecast
import KPIStats

/// Accuracy and speed benchmark on a long-format benchmark file (default: the tourism
/// quarterly competition data), printed beside R's figures from RESULTS.md in the same folder.
/// Build and run in release mode:
///   swift build -c release --product kpi-bench && .build/release/kpi-bench ../shared/data/benchmarks/tourism_quarterly.csv
struct KPIBench: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "kpi-bench",
    abstract: "Forecast accuracy (MASE, sMAPE, coverage, Winkler) and speed on a benchmark file.")

  @Argument(help: "Benchmark CSV (series_id,period_index,value,split).")
  var path = "../shared/data/benchmarks/tourism_quarterly.csv"

  @Option(help: "Meta CSV with start_quarter (default: <name>_meta_ext.csv beside the data, if present).")
  var meta: String?

  @Option(help: "Comma-separated methods (default: every family and auto).")
  var methods: String?

  @Option(help: "Also evaluate with each training series cut to its last N values (0 = skip).")
  var short = 10

  @Flag(help: "Rule-design mode: drop the test rows and hold out the last h training values instead.")
  var validation = false

  @Option(help: "With --validation, hold out the h training values ending this many values before the end (0 = the last h).")
  var validationShift = 0

  @Option(help: "Inner rolling origins per series for interval calibration.")
  var origins = 3

  @Option(help: "Seasonal period.")
  var period = 4

  @Flag(help: "Model on the log scale (the series are positive counts); forecasts are back-transformed medians.")
  var log = false

  @Flag(help: "Borrow seasonal shape across the series of each meta category (SeasonalPooling) in the short regime.")
  var pool = false

  @Flag(help: "Print auto's coverage by forecast step.")
  var byStep = false

  @Option(help: "Repeat each run this many times and report the fastest (speed figures).")
  var repeats = 1

  func run() throws {
    let metaPath = meta ?? {
      let p = path.replacingOccurrences(of: ".csv", with: "_meta_ext.csv")
      return FileManager.default.fileExists(atPath: p) ? p : nil
    }()
    var data = try BenchmarkReader.read(path: path, meta: metaPath)
    if validation {
      let before = data.count
      data = data.filter { $0.train.count - validationShift - $0.test.count >= max(short, 2 * period + 1) }
      if data.count < before { print("validation: \(before - data.count) series too short for this shift left out") }
      data = data.map { s in
        var v = s
        let keep = s.train.count - validationShift
        v.test = Array(s.train.prefix(keep).suffix(s.test.count))
        v.train = Array(s.train.prefix(keep).dropLast(s.test.count))
        return v
      }
    }
    let names = methods?.split(separator: ",").map(String.init) ?? ModelFamily.allCases.map(\.rawValue) + ["auto"]
    let chosen: [BacktestMethod] = try names.map { n in
      if n == "auto" { return .auto(AutoConfiguration()) }
      if n.hasPrefix("auto:") {
        // auto:long+members/short+members[/mean] — member experiments for rule design.
        let parts = n.dropFirst(5).split(separator: "/")
        func fams(_ s: Substring) throws -> [ModelFamily] {
          try s.split(separator: "+").map { guard let f = ModelFamily(rawValue: String($0)) else { throw ValidationError("unknown family '\($0)'") }; return f }
        }
        var c = AutoConfiguration()
        if parts.count > 0 { c.members = try fams(parts[0]) }
        if parts.count > 1 { c.shortMembers = try fams(parts[1]) }
        if parts.count > 2, let comb = AutoConfiguration.Combination(rawValue: String(parts[2])) { c.combination = comb }
        return .auto(c)
      }
      guard let f = ModelFamily(rawValue: n) else { throw ValidationError("unknown method '\(n)'") }
      return .family(f)
    }
    let results = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("RESULTS.md").path
    let rTables = RTable.read(results)
    print("kpi-bench: \(data.count) series from \(path)\(validation ? " (VALIDATION: last h of training held out)" : "")")
    print("meta: \(metaPath ?? "none (seasons counted from each series' start)"); cores: \(ProcessInfo.processInfo.activeProcessorCount)")
    var regimes: [(String, Int?)] = [("full training data", nil)]
    if short > 0 { regimes.append(("training cut to the last \(short) values", short)) }
    for (ri, (title, cut)) in regimes.enumerated() {
      var cases = makeCases(data, cut: cut)
      if pool && cut != nil {
        let priors = SeasonalPooling.priors(cases.map(\.model), data: cases.map(\.trainData), groups: cases.map(\.group))
        for i in cases.indices { cases[i].model.seasonalPrior = priors[i] }
        let w = priors.compactMap { $0?.weight }.sorted()
        print("pooled seasonal priors: \(w.count) series, weight median \(w.isEmpty ? 0 : w[w.count / 2]) pseudo-observations")
      }
      print("\n## \(title): \(cases.count) series, horizon \(cases.first?.actual.count ?? 0)")
      print(row(["method", "sMAPE", "MASE", "cov80", "cov95", "Winkler80/s", "Winkler95/s", "seconds", "series/s", "intervals"]))
      for (label, m) in zip(names, chosen) {
        // Analytic intervals for single families, calibrated for auto.
        var isAuto = false
        if case .auto = m { isAuto = true }
        let opts = BacktestOptions(levels: [80, 95], calibrate: isAuto, calibrationOrigins: origins)
        var best: BacktestResult? = nil
        for _ in 0..<max(repeats, 1) {
          let r = Backtest.run(cases, method: m, options: opts)
          if best == nil || r.seconds < best!.seconds { best = r }
        }
        guard let r = best else { continue }
        let o = r.overall
        print(row([label, f(o.smape, 2), f(o.mase, 3), f(o.coverage[0], 3), f(o.coverage[1], 3), f(o.scaledWinkler[0], 2),
                   f(o.scaledWinkler[1], 2), f(r.seconds, 2), f(Double(cases.count) / r.seconds, 0), r.intervals]))
        if isAuto {
          var labels = [String: Int]()
          for s in r.scores { labels[s.label, default: 0] += 1 }
          for (l, n) in labels.sorted(by: { $0.value > $1.value }).prefix(4) { print("    \(n) series: \(l)") }
          if byStep {
            for (li, level) in [80, 95].enumerated() {
              let steps = r.scores.map { $0.coveredByStep[li].count }.max() ?? 0
              let cov = (0..<steps).map { h -> String in
                let v = r.scores.compactMap { h < $0.coveredByStep[li].count ? $0.coveredByStep[li][h] : nil }
                return f(Double(v.filter { $0 }.count) / Double(max(v.count, 1)), 2)
              }
              print("    coverage\(level) by step: " + cov.joined(separator: " "))
            }
          }
        }
      }
      if !validation, ri < rTables.count {
        print("\nR forecast 8.20 on the same split (from \(results)):")
        for line in rTables[ri] { print("  " + line) }
      }
    }
  }

  func makeCases(_ data: [BenchmarkSeries], cut: Int?) -> [BacktestCase] {
    data.map { s in
      var train = s.train
      var first = s.firstSeason ?? 0
      if let cut, train.count > cut {
        first = (first + train.count - cut) % period
        train = Array(train.suffix(cut))
      }
      let t: Transform = log && train.allSatisfy({ $0 > 0 }) ? .log : .none
      let input = SeriesInput(values: train.map { t.forward($0) }, period: period, firstSeason: first)
      return BacktestCase(id: s.id, group: s.group ?? "all", model: ModelInput(input: input, transform: t), trainData: train, actual: s.test)
    }
  }

  func f(_ x: Double, _ d: Int) -> String { x.isFinite ? String(format: "%.\(d)f", x) : "–" }
  func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
}

/// The markdown tables of RESULTS.md, as lines, in file order.
enum RTable {
  static func read(_ path: String) -> [[String]] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
    var tables = [[String]](), current = [String]()
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("|") { current.append(String(line)) }
      else if !current.isEmpty { tables.append(current); current = [] }
    }
    if !current.isEmpty { tables.append(current) }
    return tables
  }
}

KPIBench.main()
