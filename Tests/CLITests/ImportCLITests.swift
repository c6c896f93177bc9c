import Foundation
import Testing

/// `kpi-forecast import` and `benchmark` end to end on the real seeds and DfE files.
@Suite struct ImportCLITests {
  static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `<repo>/../shared`, or a worktree's main checkout's `../shared`.
  static var shared: URL {
    let direct = repoRoot.deletingLastPathComponent().appendingPathComponent("shared")
    if FileManager.default.fileExists(atPath: direct.path) { return direct }
    if let text = try? String(contentsOf: repoRoot.appendingPathComponent(".git"), encoding: .utf8), let r = text.range(of: "gitdir: ") {
      let gitdir = URL(fileURLWithPath: text[r.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines))
      return gitdir.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared")
    }
    return direct
  }

  static func seeds() throws -> [String] {
    let d = shared.appendingPathComponent("seeds")
    return try FileManager.default.contentsOfDirectory(atPath: d.path).filter { $0.hasSuffix(".txt") && $0.first?.isNumber == true }.sorted()
      .map { d.appendingPathComponent($0).path }
  }

  /// `--quiet` silences the summary on standard error; the files are still written.
  @Test func quietImportSaysNothing() throws {
    let seed = try #require(try Self.seeds().first)
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("kpi-import-q-\(UUID().uuidString)").path
    let models = Self.repoRoot.appendingPathComponent("models").path
    let loud = try runCLI(["import", seed, "--out", out, "--catalogue", models])
    let quiet = try runCLI(["import", seed, "--out", out, "--catalogue", models, "--quiet"])
    #expect(loud.code == 0 && quiet.code == 0)
    #expect(loud.err.contains("value cells") && quiet.err.isEmpty)
    #expect(FileManager.default.fileExists(atPath: out + "/observations.csv"))
  }

  @Test func eachSeedImportsWithAReport() throws {
    let seeds = try Self.seeds()
    #expect(seeds.count == 5)
    for s in seeds {
      let out = FileManager.default.temporaryDirectory.appendingPathComponent("kpi-import-\(UUID().uuidString)").path
      let r = try runCLI(["import", s, "--out", out, "--catalogue", Self.repoRoot.appendingPathComponent("models").path])
      #expect(r.code == 0, "\(s): \(r.err)")
      let report = try String(contentsOfFile: out + "/import-report.md", encoding: .utf8)
      #expect(report.contains("# Import report"))
      for f in ["observations.csv", "targets.csv", "comparators.csv", "issues.csv", "catalogue-draft.yaml"] {
        #expect(FileManager.default.fileExists(atPath: out + "/" + f), "\(f) missing for \(s)")
      }
    }
  }

  @Test func importedObservationsForecast() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("kpi-import-\(UUID().uuidString)").path
    let models = Self.repoRoot.appendingPathComponent("models").path
    let r = try runCLI(["import"] + (try Self.seeds()) + ["--out", out, "--catalogue", models])
    #expect(r.code == 0, "\(r.err)")
    let f = try runCLI(["forecast", out + "/observations.csv", "--catalogue", models, "--format", "csv"])
    #expect(f.code == 0, "\(f.err)")
    #expect(f.out.hasPrefix("indicator,period,mean,lo80,hi80,lo95,hi95,model\n"))
    #expect(f.out.contains("\nneet-16-17,2023-03,"))
  }

  @Test func strictModeFailsOnUnreadableCells() throws {
    let path = try tempFile("Measure\tQ1 Outturn 2022/23\tQ2 Outturn 2022/23\nTimeliness\tabc\t83.5\n", name: "s.txt")
    let r = try runCLI(["import", path, "--strict", "--catalogue", FileManager.default.temporaryDirectory.path])
    #expect(r.code == 1)
    #expect(r.err.contains("could not be read"))
    #expect(r.out.contains("abc"))
    let missing = try runCLI(["import", "/nonexistent/scorecard.txt"])
    #expect(missing.code == 1)
  }

  @Test func benchmarkBCP() throws {
    let dfe = Self.shared.appendingPathComponent("data/dfe").path
    let r = try runCLI(["benchmark", "--lait", dfe, "--authority", "839", "--measure", "16-17 NEET", "--year", "2025", "--format", "csv",
                        "--catalogue", Self.repoRoot.appendingPathComponent("models").path])
    #expect(r.code == 0, "\(r.err)")
    let lines = r.out.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.last?.contains(",3.9,3.4,South West,3.9,") == true)
    let bad = try runCLI(["benchmark", "--lait", dfe, "--authority", "nowhere"])
    #expect(bad.code == 1)
    #expect(try runCLI(["benchmark", "--lait", dfe]).code == 2)
  }
}
