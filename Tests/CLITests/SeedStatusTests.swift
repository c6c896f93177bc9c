import Foundation
import Testing

/// Issue 8: the Q4 2023/24 scorecard (seed 003) reproduced. The seed, imported, run through
/// `year-end --year 2023/24`: every ★/●/▲ the council printed is the status of the actual
/// outturn (no intervention levels are published there, so ▲ comes from the documented
/// `significant_margin` default).
@Suite struct SeedStatusTests {
  /// (title, icon) of every scorecard row of seed 003 that prints a status icon, read from the seed.
  static func printedIcons(_ seedText: String) -> [(title: String, icon: String)] {
    var rows = [(String, String)]()
    for line in seedText.split(whereSeparator: \.isNewline) {
      let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
      guard let icon = cells.first(where: { ["★", "●", "▲"].contains($0) }), let title = cells.first, !title.isEmpty else { continue }
      rows.append((title, icon))
    }
    return rows
  }

  @Test func yearEndOnACompletedYearReproducesEveryPrintedIcon() throws {
    let seed = try #require(try ImportCLITests.seeds().first { URL(fileURLWithPath: $0).lastPathComponent.hasPrefix("003") })
    let icons = Self.printedIcons(try String(contentsOfFile: seed, encoding: .utf8))
    #expect(icons.count == 22)
    let models = ImportCLITests.repoRoot.appendingPathComponent("models").path
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("kpi-seed003-\(UUID().uuidString)").path
    let imp = try runCLI(["import", seed, "--out", out, "--catalogue", models])
    #expect(imp.code == 0, "\(imp.err)")
    let r = try runCLI(["year-end", out + "/observations.csv", "--year", "2023/24", "--format", "csv", "--catalogue", models])
    #expect(r.code == 0, "\(r.err)")
    // indicator → status, and the catalogue's title of each indicator (the seed's row title).
    var statusByIndicator = [String: String]()
    for line in r.out.split(whereSeparator: \.isNewline).dropFirst() {
      let f = splitCSV(String(line))
      statusByIndicator[f[0]] = f[13]
    }
    let catalogue = try String(contentsOfFile: models + "/catalogue.yaml", encoding: .utf8)
    var matched = 0
    for (title, icon) in icons {
      // The catalogue entry whose alias is the seed's title (its id precedes the alias).
      guard let id = Self.indicator(forAlias: title, in: catalogue) else { Issue.record("no catalogue entry for '\(title)'"); continue }
      #expect(statusByIndicator[id] == icon, "\(title) (\(id)): printed \(icon), year-end says \(statusByIndicator[id] ?? "nothing")")
      matched += 1
    }
    #expect(matched == 22)
    // The derived ▲ rule is said, not silent.
    #expect(r.err.contains("no intervention level published"))
  }

  /// The id of the catalogue entry listing `alias` (a YAML scan: `- id: X` … `- 'alias'`).
  static func indicator(forAlias alias: String, in yaml: String) -> String? {
    var current: String?
    for line in yaml.split(whereSeparator: \.isNewline) {
      let l = line.trimmingCharacters(in: .whitespaces)
      if l.hasPrefix("- id: ") { current = String(l.dropFirst(6)); continue }
      if l.hasPrefix("- ") {
        var a = String(l.dropFirst(2))
        if a.hasPrefix("'"), a.hasSuffix("'"), a.count >= 2 { a = String(a.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'") }
        if a == alias { return current }
      }
    }
    return nil
  }
}
