import Foundation
import KPIRecord
import Testing

/// Help from one source (issue 13 item 6): option values listed from the enums themselves,
/// only the formats a command supports, and a worked example at the end of every `--help`
/// that runs on the bundled data.
@Suite struct HelpFromOneSourceTests {
  static let commands = ["import", "forecast", "year-end", "targets", "scenarios", "demand", "backtest", "benchmark", "report", "spc",
                         "serve", "decisions", "review"]

  /// The formats each command's help must list, exactly.
  static let formats: [String: String] = [
    "forecast": "(values: table, csv, json; default: table)", "year-end": "(values: table, csv, json, markdown; default: table)",
    "targets": "(values: table, csv, json, markdown; default: table)", "scenarios": "(values: table, csv; default: table)",
    "demand": "(values: table, csv; default: table)", "backtest": "(values: table, csv; default: table)",
    "benchmark": "(values: table, csv; default: table)", "report": "(values: html, markdown; default: html)",
    "spc": "(values: table, csv, json; default: table)", "decisions": "(values: csv, yaml; default: csv)",
    "review": "(values: table, csv; default: table)",
  ]

  @Test(arguments: commands)
  func helpListsGeneratedValuesAndEndsWithAnExample(command: String) throws {
    let r = try runCLI([command, "--help"])
    #expect(r.code == 0)
    let flat = r.out.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: " +", with: " ", options: .regularExpression)
    if let f = Self.formats[command] { #expect(flat.contains(f), "\(command): \(f) not in help") }
    // No hand-written value lists beside the generated ones.
    #expect(!r.out.contains("auto | "))
    #expect(!r.out.contains("table | "))
    if r.out.contains("--model") {
      #expect(flat.contains("(values: auto, regression, seasonal-level, snaive, snaive-avg, naive, drift, ets, theta, theta-opt; default: auto)"))
    }
    let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false)
    let header = try #require(lines.lastIndex { $0.hasPrefix("EXAMPLE") }, "\(command): no EXAMPLE section")
    #expect(lines[(header + 1)...].contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("kpi-forecast \(command) ") })
  }

  /// Every example of every `--help` runs from the repository root and succeeds — `serve`'s
  /// waits for Ctrl-C, so it is left out; `decisions` and `review` read a workshop record with a
  /// decision and a forecast shown (made here, in place of the `kpi-decisions.sqlite` that
  /// `serve` writes).
  @Test(arguments: [""] + commands.filter { $0 != "serve" })
  func everyExampleRuns(command: String) async throws {
    let r = try runCLI(command.isEmpty ? ["--help"] : [command, "--help"])
    let lines = r.out.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    let header = try #require(lines.lastIndex { $0.hasPrefix("EXAMPLE") })
    let examples = lines[(header + 1)...].filter { $0.hasPrefix("kpi-forecast ") }
    #expect(!examples.isEmpty)
    let root = repoFile("")
    let record = try await Self.workshopRecord()
    for e in examples {
      // The shared data sits beside the repository (../shared); a worktree finds it the same way.
      let args = e.split(separator: " ").dropFirst().map { $0 == "kpi-decisions.sqlite" ? record : String($0) }
      let run = try runCLI(args, cwd: root)
      #expect(run.code == 0, "'\(e)' exited \(run.code): \(run.err.prefix(400))")
      #expect(!run.out.isEmpty, "'\(e)' printed nothing")
    }
  }

  /// A workshop record in a temporary folder: one agreed target and one forecast shown.
  static func workshopRecord() async throws -> String {
    let path = try tempFile("", name: "kpi-decisions.sqlite")
    try FileManager.default.removeItem(atPath: path)
    let store = try RecordStore(path: path)
    _ = try await store.record(Decision(indicator: "assessments-45-days", year: "2024/25", target: 80, interventionLevel: 70,
                                        rationale: "example", agreedBy: "help test", scenario: "", recordedAt: "2026-01-01T00:00:00.000Z"))
    try await store.record(vintages: [ForecastVintage(indicator: "assessments-45-days", year: "2023/24", yearEnd: "2024-03", basis: "snapshot",
                                                      forecast: 75, lo80: 70, hi80: 80, lo95: 65, hi95: 85, target: 80, interventionLevel: 70,
                                                      pMeetTarget: 0.2, model: "auto", scenario: "", dataFingerprint: "help test",
                                                      shownAt: "2026-01-01T00:00:00.000Z")])
    return path
  }

  /// `demand` on a file of several authorities without --geography names them (not the first alphabetically).
  @Test func demandNamesTheAuthoritiesToChooseFrom() throws {
    let r = try runCLI(["demand", repoFile("notebooks-data/corpus/multi-authority.csv"), "--catalogue", repoFile("notebooks-data/corpus/catalogue")])
    #expect(r.code == 2)
    #expect(r.err.contains("(Aaa, Bbb): choose one with --geography"))
  }
}

/// Progress (issue 13 item 5): one count per series, the last count the total, on standard
/// error only when asked (not a terminal here) — shown at once with a zero delay.
@Suite struct ProgressTests {
  @Test func progressCountsEachSeriesOnceAndOnlyWhenAsked() throws {
    var csv = "indicator,period,value\n"
    for s in 0..<40 { for (i, p) in ["2022-06", "2022-09", "2022-12", "2023-03", "2023-06", "2023-09", "2023-12", "2024-03"].enumerated() {
      csv += "k\(s),\(p),\(10 + (s * 7 + i * 3) % 11)\n"
    } }
    let path = try tempFile(csv)
    let quiet = try runCLI(["forecast", path, "--format", "csv", "--quiet"], environment: ["KPI_FORECAST_PROGRESS_DELAY": "0"])
    #expect(quiet.code == 0)
    #expect(quiet.err.isEmpty)  // not a terminal, no --progress: no progress; --quiet: no notes
    let shown = try runCLI(["forecast", path, "--format", "csv", "--quiet", "--progress"], environment: ["KPI_FORECAST_PROGRESS_DELAY": "0"])
    #expect(shown.code == 0)
    let lines = shown.err.split(separator: "\n").filter { $0.hasPrefix("progress:") }
    #expect(!lines.isEmpty)
    for l in lines where l.contains(" of ") { #expect(l.contains(" of 40 series"), "\(l)") }
    #expect(lines.last?.contains("progress: done in") == true)
  }
}
