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

  @Option(help: "Also evaluate with each training series cut to its last N values (repeatable; 0 = skip).")
  var short: [Int] = [10]

  @Flag(help: "Skip the full-history regime (only the cuts).")
  var skipFull = false

  @Option(help: "With a cut, score only the first H test values (default: all).")
  var shortHorizon: Int?

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

  @Flag(help: "For cuts of at most 8 values, scale MASE by the FULL training series' seasonal-naive error (as RESULTS.md's cut table).")
  var maseFull = false

  @Flag(help: "Print every candidate rule's rolling-origin score per regime (what auto learns, on the training data only).")
  var learn = false

  func run() throws {
    let metaPath = meta ?? {
      let p = path.replacingOccurrences(of: ".csv", with: "_meta_ext.csv")
      return FileManager.default.fileExists(atPath: p) ? p : nil
    }()
    var data = try BenchmarkReader.read(path: path, meta: metaPath)
    if validation {
      let before = data.count
      data = data.filter { $0.train.count - validationShift - $0.test.count >= max(short.max() ?? 0, 2 * period + 1) }
      if data.count < before { print("validation: \(before - data.count) series too short for this shift left out") }
      data = data.map { s in
        var v = s
        let keep = s.train.count - validationShift
        v.test = Array(s.train.prefix(keep).suffix(s.test.count))
        v.train = Array(s.train.prefix(keep).dropLast(s.test.count))
        return v
      }
    }
    let names = methods?.split(separator: ",").map(String.init) ?? ModelChoice.allCases.filter { $0 != .auto }.map(\.rawValue) + ["auto"]
    // Each method is the engine's options: a model of the vocabulary, or auto with a member
    // configuration (auto:long+members/short+members[/mean][/follow=N~φ] — rule design).
    let chosen: [ForecastOptions] = try names.map { n in
      var o = ForecastOptions(transform: log ? .log : .none)
      o.calibrationOrigins = origins
      if n == "auto" { return o }
      // auto-dev: the dev-set rules, nothing learned; auto:RULE: one rule for every regime.
      if n == "auto-dev" { o.auto.learn = false; return o }
      if n.hasPrefix("auto:") {
        guard let rule = AutoRule(text: String(n.dropFirst(5))) else { throw ValidationError("unknown rule '\(n.dropFirst(5))' (e.g. auto:median(snaive+snaive-avg+theta))") }
        o.auto.everyRegime = rule
        return o
      }
      guard let f = ModelChoice(rawValue: n) else { throw ValidationError("unknown method '\(n)'") }
      o.model = f
      o.calibrate = false   // single families: their analytic intervals
      return o
    }
    let results = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("RESULTS.md").path
    let rTables = RTable.read(results)
    print("kpi-bench: \(data.count) series from \(path)\(validation ? " (VALIDATION: last h of training held out)" : "")")
    print("meta: \(metaPath ?? "none (seasons counted from each series' start)"); cores: \(ProcessInfo.processInfo.activeProcessorCount)")
    var regimes: [(String, Int?)] = skipFull ? [] : [("full training data", nil)]
    for c in short where c > 0 { regimes.append(("training cut to the last \(c) values", c)) }
    for (ri, (title, cut)) in regimes.enumerated() {
      var cases = makeCases(data, cut: cut)
      if pool && cut != nil {
        let priors = SeasonalPooling.priors(cases.map(\.model), data: cases.map(\.trainData), groups: cases.map(\.group))
        for i in cases.indices { cases[i].model.seasonalPrior = priors[i] }
        let w = priors.compactMap { $0?.weight }.sorted()
        print("pooled seasonal priors: \(w.count) series, weight median \(w.isEmpty ? 0 : w[w.count / 2]) pseudo-observations")
      }
      print("\n## \(title): \(cases.count) series, horizon \(cases.first?.actual.count ?? 0)")
      if learn { printLearning(cases) }
      print(row(["method", "sMAPE", "MASE", "cov80", "cov95", "sum4 cov80", "sum4 cov95", "Winkler80/s", "Winkler95/s", "seconds", "series/s", "intervals"]))
      for (label, m) in zip(names, chosen) {
        // Analytic intervals for single families, calibrated for auto.
        let isAuto = m.model == .auto
        let opts = BacktestOptions(levels: [80, 95], forecast: m)
        var best: BacktestResult? = nil
        var methodCases = cases
        for i in methodCases.indices { methodCases[i].prepared.choice = m.model }
        for _ in 0..<max(repeats, 1) {
          let r = Backtest.run(methodCases, options: opts)
          if best == nil || r.seconds < best!.seconds { best = r }
        }
        guard let r = best else { continue }
        let o = r.overall
        print(row([label, f(o.smape, 2), f(o.mase, 3), f(o.coverage[0], 3), f(o.coverage[1], 3),
                   o.sumCases > 0 ? f(o.sumCoverage[0], 3) : "–", o.sumCases > 0 ? f(o.sumCoverage[1], 3) : "–", f(o.scaledWinkler[0], 2),
                   f(o.scaledWinkler[1], 2), f(r.seconds, 2), f(Double(cases.count) / r.seconds, 0), r.intervals]))
        if isAuto {
          // Bands a planner would not sign (counted by the backtest on its own forecasts).
          let bands = r.scores.reduce(0) { $0 + $1.bands }
          let zero = r.scores.reduce(0) { $0 + $1.zeroWidthBands }, wide = r.scores.reduce(0) { $0 + $1.wideBands }
          print("    95% bands: \(bands), zero-width \(zero), reaching zero or over 50× on positive series: \(wide)")
          var labels = [String: Int](), wideByLabel = [String: Int]()
          for s in r.scores { labels[s.label, default: 0] += 1; wideByLabel[s.label, default: 0] += s.wideBands }
          for (l, n) in labels.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }).prefix(4) {
            print("    \(n) series: \(l)\(wide > 0 ? " (\(wideByLabel[l] ?? 0) of the wide bands)" : "")")
          }
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
      // RESULTS.md's tables in file order: quarterly full, quarterly last 10, monthly (both
      // regimes), quarterly cuts 3/5/8. Each is printed once, after the last regime it covers.
      let tableIndex: Int? = period == 12 ? 2 : cut == nil ? 0 : cut == 10 ? 1 : [3, 5, 8].contains(cut ?? 0) ? 3 : nil
      let laterSame = regimes[(ri + 1)...].contains { r in
        let c = r.1
        let t: Int? = period == 12 ? 2 : c == nil ? 0 : c == 10 ? 1 : [3, 5, 8].contains(c ?? 0) ? 3 : nil
        return t == tableIndex
      }
      if !validation, let t = tableIndex, t < rTables.count, !laterSame {
        print("\nR forecast 8.20 (from \(results)):")
        for line in rTables[t] { print("  " + line) }
      }
    }
  }

  /// Every candidate rule's score per regime on the cases' training data (rolling origins).
  func printLearning(_ cases: [BacktestCase]) {
    let inputs = cases.map(\.prepared.model).filter { AutoConfiguration().usesRule($0) }
    var byRegime = [Regime: [ModelInput]]()
    for m in inputs { byRegime[AutoConfiguration.regime(m), default: []].append(m) }
    for r in byRegime.keys.sorted() {
      guard !AutoLearner.withinOneCycle(r) else {
        print("learning \(r.key) (\(r)): none; the dev-set rule \(AutoLearner.defaultRule(r)) is kept (one cycle is too short to choose among the candidates)")
        continue
      }
      let evals = byRegime[r]!.parallelMap { AutoLearner.evaluate($0, origins: origins) }.compactMap { $0 }
      let table = AutoLearner.scores(evals, rules: AutoRule.candidates).sorted { $0.score < $1.score }
      print("learning \(r.key) (\(r)): \(evals.count) series; best rules by mean scaled absolute error at inner origins:")
      for t in table.prefix(6) { print("    \(f(t.score, 4))  \(t.rule)  (\(t.count) errors)") }
      let dev = AutoLearner.defaultRule(r)
      if let d = table.firstIndex(where: { $0.rule == dev }) { print("    dev-set rule \(dev): rank \(d + 1), \(f(table[d].score, 4))") }
    }
  }

  func makeCases(_ data: [BenchmarkSeries], cut: Int?) -> [BacktestCase] {
    let series = data.map { s -> BenchmarkSeries in
      var c = s
      if let cut, c.train.count > cut {
        c.firstSeason = ((s.firstSeason ?? 0) + s.train.count - cut) % period
        c.train = Array(s.train.suffix(cut))
      }
      if cut != nil, let h = shortHorizon { c.test = Array(c.test.prefix(h)) }
      return c
    }
    var cases = series.flatMap { s in
      BacktestCases.benchmark([s], period: period, options: ForecastOptions(transform: log && s.train.allSatisfy({ $0 > 0 }) ? .log : .none))
    }
    for i in cases.indices {
      cases[i].group = data[i].group ?? "all"
      if maseFull, let cut, cut <= 8 { cases[i].scaleData = data[i].train }
    }
    return cases
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
