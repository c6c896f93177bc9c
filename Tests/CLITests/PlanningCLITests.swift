import Foundation
import Testing

/// The bundled council data and scenario file, from the repository.
func repoFile(_ relative: String) -> String {
  URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent(relative).path
}

/// Annual DfE LAIT data for `measures` as tidy CSV (authorities + England), read from
/// `<repo root>/../shared/data` (or two levels up for a worktree).
func laitTidy(_ measures: Set<String>) throws -> String {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  var path: String?
  for base in [root.deletingLastPathComponent(), root.deletingLastPathComponent().deletingLastPathComponent()] {
    let p = base.appendingPathComponent("shared/data/dfe/lait_childrens_kpis_long.csv").path
    if FileManager.default.fileExists(atPath: p) { path = p; break }
  }
  let text = try String(contentsOfFile: try #require(path, "../shared/data/dfe/lait_childrens_kpis_long.csv not found"), encoding: .utf8)
  var out = "indicator,period,value,geography,unit,polarity\n"
  for line in text.split(whereSeparator: \.isNewline).dropFirst() {
    let f = splitCSV(String(line))
    guard f.count == 8, measures.contains(f[0]), f[2] != "Regional" else { continue }
    let geo = f[2] == "National" ? "England" : f[3]
    out += "\(f[0]),\(f[1]),\(f[6]),\(geo.contains(",") ? "\"\(geo)\"" : geo),percent,smaller\n"
  }
  return out
}

/// Splits one CSV line with RFC 4180 quotes (LAIT quotes names such as "Bournemouth, Christchurch and Poole").
func splitCSV(_ s: String) -> [String] {
  var out = [String](), cur = "", quoted = false
  let chars = Array(s)
  var i = 0
  while i < chars.count {
    let c = chars[i]
    if quoted {
      if c == "\"" {
        if i + 1 < chars.count && chars[i + 1] == "\"" { cur.append("\""); i += 1 } else { quoted = false }
      } else { cur.append(c) }
    } else if c == "\"" { quoted = true } else if c == "," { out.append(cur); cur = "" } else { cur.append(c) }
    i += 1
  }
  out.append(cur)
  return out
}

@Suite struct PlanningCLITests {
  let bcp = repoFile("notebooks-data/bcp-kpis.csv")
  let catalogue = repoFile("models")

  @Test func yearEndCSVHasTheContractColumns() throws {
    let r = try runCLI(["year-end", bcp, "--catalogue", catalogue, "--format", "csv"])
    #expect(r.code == 0, "\(r.err)")
    let lines = r.out.split(separator: "\n")
    #expect(lines.first == "indicator,geography,year_end,basis,forecast,lo80,hi80,lo95,hi95,target,intervention_level,p_meet_target,p_worse_than_intervention,status")
    #expect(lines.count > 50)
    #expect(lines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 14 })
  }

  /// Year-to-date sums are simulated: the same seed gives the same bytes, another seed other draws.
  @Test func yearEndIsDeterministicForASeed() throws {
    let csv = "indicator,period,value,unit,polarity\nsusp,2023-06,2220,count,smaller\nsusp,2023-09,1385,count,smaller\nsusp,2023-12,2788,count,smaller\nsusp,2024-03,2157,count,smaller\nsusp,2024-06,2100,count,smaller\n"
    let input = try tempFile(csv)
    let cat = try tempFile("indicators:\n  - id: susp\n    title: Suspensions\n    unit: count\n    polarity: smaller\n    basis: year-to-date\n", name: "c.yaml")
    let dir = URL(fileURLWithPath: cat).deletingLastPathComponent().path
    let a = try runCLI(["year-end", input, "--catalogue", dir, "--format", "csv", "--seed", "3"])
    let b = try runCLI(["year-end", input, "--catalogue", dir, "--format", "csv", "--seed", "3"])
    let c = try runCLI(["year-end", input, "--catalogue", dir, "--format", "csv", "--seed", "4"])
    #expect(a.code == 0, "\(a.err)")
    #expect(a.out == b.out)
    #expect(a.out != c.out)
    #expect(a.out.contains(",2024/25,year-to-date,"))
  }

  @Test func yearEndTableHasReasons() throws {
    let r = try runCLI(["year-end", bcp, "--catalogue", catalogue])
    #expect(r.code == 0)
    #expect(r.out.contains("Reason for level of performance"))
  }

  @Test func targetsCSVOnCouncilData() throws {
    let r = try runCLI(["targets", bcp, "--catalogue", catalogue, "--format", "csv", "--probability", "0.5"])
    #expect(r.code == 0, "\(r.err)")
    #expect(r.out.hasPrefix("indicator,geography,year,baseline_forecast,proposed_target,proposed_intervention_level,p_meet_target,p_worse_than_intervention,rationale\n"))
    let rows = r.out.split(separator: "\n").dropFirst()
    #expect(rows.count > 50)
    // Every indicator with a spread and a one-sided polarity gets P(meet) = 0.5 and P(worse) = 0.1.
    // Exceptions, each checked: Plan is Best bands; series whose forecast has no spread (one value, or
    // constant), where P(meet) = 1 and P(worse) = 0; and at most two series whose 10% intervention level
    // would lie beyond the unit's bound, where P(meet) stays 0.5 and P(worse) is larger.
    var edge = 0
    for row in rows where !row.contains(",0.5,0.1,") {
      if row.contains("Plan is Best") { continue }
      if row.contains(",1,0,") { continue }
      #expect(row.contains(",0.5,"), "\(row.prefix(120))")
      edge += 1
    }
    #expect(edge <= 2)
    #expect(rows.filter { $0.contains(",0.5,0.1,") }.count >= rows.count / 2)
  }

  @Test func targetsOnAnnualDfEDataUseThePooledModel() throws {
    let path = try tempFile(try laitTidy(["CareLeaversNEET"]))
    let r = try runCLI(["targets", path, "--format", "csv", "--year", "2025/26"])
    #expect(r.code == 0, "\(r.err)")
    let rows = r.out.split(separator: "\n").dropFirst()
    #expect(rows.count > 100)
    #expect(rows.filter { $0.contains("pooled model across") }.count > 100)
    #expect(rows.allSatisfy { $0.contains(",2025/26,") })
  }

  /// `--comparator england` holds each authority lagging England to England's value (or part of
  /// the gap); the rationale names England.
  @Test func targetsAgainstEngland() throws {
    let path = try tempFile(try laitTidy(["CareLeaversNEET"]))
    let r = try runCLI(["targets", path, "--format", "csv", "--comparator", "england"])
    #expect(r.code == 0, "\(r.err)")
    let rows = r.out.split(separator: "\n").dropFirst()
    #expect(rows.filter { $0.contains("Target set at the England value") || $0.contains("The England value") }.count > 10)
  }

  @Test func yearEndOnAnnualDfEData() throws {
    let path = try tempFile(try laitTidy(["TotPermEx"]))
    let r = try runCLI(["year-end", path, "--format", "csv"])
    #expect(r.code == 0, "\(r.err)")
    #expect(r.out.split(separator: "\n").count > 100)
  }

  @Test func scenariosOnTheSeedKPIs() throws {
    let r = try runCLI(["scenarios", bcp, "--catalogue", catalogue, "--scenarios", repoFile("notebooks-data/scenarios-bcp.yaml"), "--format", "csv"])
    #expect(r.code == 0, "\(r.err)")
    let rows = r.out.split(separator: "\n")
    #expect(rows.contains { $0.hasPrefix("re-referrals-12m,,Front door threshold project,") })
    #expect(rows.contains { $0.hasPrefix("permanent-exclusions,,Inclusion programme,") })
  }

  @Test func demandCSVIsDeterministicForASeed() throws {
    let args = ["demand", bcp, "--catalogue", catalogue, "--format", "csv", "--seed", "5", "--years", "2"]
    let a = try runCLI(args), b = try runCLI(args)
    #expect(a.code == 0, "\(a.err)")
    #expect(a.out == b.out)
    let lines = a.out.split(separator: "\n")
    #expect(lines.first == "scenario,year,places_p10,places_p50,places_p90,cost_p10,cost_p50,cost_p90")
    #expect(lines.count == 3)
  }

  @Test func demandOnDfERatesNeedsAPopulation() throws {
    let path = try tempFile(try laitTidy(["TotPermEx"]))
    // Many authorities and no --geography: refused, naming the choice (never the first alphabetically).
    let many = try runCLI(["demand", path, "--format", "csv"])
    #expect(many.code == 2)
    #expect(many.err.contains("--geography") && many.err.contains("geographies"))
    let bad = try runCLI(["demand", path, "--geography", "Bournemouth, Christchurch and Poole", "--format", "csv"])
    #expect(bad.code == 2)
    #expect(bad.err.contains("--population"))
  }

  /// BCP's total permanent exclusions (LAIT, % of pupils, academic years) with an assumed school
  /// population of 50,000: places are the forecast rate × 500 × w(1, 0) = rate × 250.
  @Test func demandOnDfEDataForOneAuthority() throws {
    let path = try tempFile(try laitTidy(["TotPermEx"]))
    let r = try runCLI(["demand", path, "--geography", "Bournemouth, Christchurch and Poole", "--population", "50000", "--format", "csv"])
    #expect(r.code == 0, "\(r.err)")
    let rows = r.out.split(separator: "\n")
    #expect(rows.count == 2)
    let f = rows[1].split(separator: ",").map(String.init)
    let places = f[2...4].compactMap(Double.init), cost = f[5...7].compactMap(Double.init)
    #expect(places.count == 3 && cost.count == 3)
    #expect(places[0] <= places[1] && places[1] <= places[2] && places[0] > 0)
    #expect(cost[1] > 20_000 * places[0] && cost[1] < 50_000 * places[2])
  }

  @Test func usageErrorsExitTwo() throws {
    #expect(try runCLI(["targets", bcp, "--probability", "1.5"]).code == 2)
    #expect(try runCLI(["targets", bcp, "--year", "next"]).code == 2)
    #expect(try runCLI(["demand", bcp, "--stay", "0"]).code == 2)
  }

  @Test func badScenarioFileExitsOneNamingIt() throws {
    let sc = try tempFile("scenarios:\n  - name: X\n    effects:\n      - {indicator: re-referrals-12m, change: -3, from: someday}\n", name: "s.yaml")
    let r = try runCLI(["scenarios", bcp, "--catalogue", catalogue, "--scenarios", sc])
    #expect(r.code == 1)
    #expect(r.err.contains("someday"))
  }
}

@Suite struct PlanningMarkdownTests {
  @Test func yearEndAndTargetsPrintMarkdownTables() throws {
    for cmd in ["year-end", "targets"] {
      let r = try runCLI([cmd, repoFile("notebooks-data/bcp-kpis.csv"), "--catalogue", repoFile("models"), "--format", "markdown"])
      #expect(r.code == 0, "\(r.err)")
      let lines = r.out.split(separator: "\n")
      #expect(lines.first?.hasPrefix("| Indicator | Year |") == true)
      #expect(lines.dropFirst().first?.hasPrefix("|---|---|") == true)
    }
  }
}
