import Foundation
import Testing

/// The `forecast` command's CSV contract (DESIGN §4) and file handling.
@Suite struct ForecastCLITests {
  static let quarterly = """
    indicator,period,value,unit
    neet,2021-06,4.5,percent
    neet,2021-09,17.6,percent
    neet,2021-12,6.0,percent
    neet,2022-03,5.0,percent
    neet,2022-06,4.2,percent
    neet,2022-09,25.4,percent
    neet,2022-12,6.1,percent
    susp,Mar-23,2720,count
    susp,Jun-23,2220,count
    susp,Sep-23,1385,count

    """

  @Test func csvHeaderFollowsLevelsInOrderGiven() throws {
    let path = try tempFile(Self.quarterly)
    let r = try runCLI(["forecast", path, "--format", "csv", "--level", "95", "--level", "50"])
    #expect(r.code == 0)
    #expect(r.out.split(separator: "\n").first == "indicator,period,mean,lo95,hi95,lo50,hi50,model")
  }

  @Test func toYearEndForecastsThroughNextMarch() throws {
    let path = try tempFile(Self.quarterly)
    let r = try runCLI(["forecast", path, "--format", "csv", "--to-year-end"])
    #expect(r.code == 0)
    let rows = r.out.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    // neet last observed 2022-12 → one quarter (2023-03); susp last 2023-09 → 2023-12 and 2024-03.
    #expect(rows.filter { $0[0] == "neet" }.map { $0[1] } == ["2023-03"])
    #expect(rows.filter { $0[0] == "susp" }.map { $0[1] } == ["2023-12", "2024-03"])
    for row in rows {
      let v = row[2...6].compactMap(Double.init)
      #expect(v.count == 5)
      // mean, lo80, hi80, lo95, hi95 → lo95 ≤ lo80 ≤ mean ≤ hi80 ≤ hi95, inside the unit's bounds.
      let (mean, lo80, hi80, lo95, hi95) = (v[0], v[1], v[2], v[3], v[4])
      #expect(lo95 <= lo80 && lo80 <= mean && mean <= hi80 && hi80 <= hi95)
      #expect(lo95 >= 0)
      if row[0] == "neet" { #expect(hi95 <= 100) }
    }
  }

  @Test func geographyColumnFollowsIndicatorWhenInputHasOne() throws {
    let path = try tempFile("indicator,geography,period,value\nx,England,2022-06,1\nx,England,2022-09,2\nx,England,2022-12,3\nx,BCP,2022-12,5\n")
    let r = try runCLI(["forecast", path, "--format", "csv", "--horizon", "1"])
    #expect(r.code == 0)
    let lines = r.out.split(separator: "\n")
    #expect(lines.first == "indicator,geography,period,mean,lo80,hi80,lo95,hi95,model")
    #expect(lines.count == 3)
    #expect(lines.contains { $0.hasPrefix("x,BCP,2023-03,") })
    #expect(lines.contains { $0.hasPrefix("x,England,2023-03,") })
  }

  @Test func outputIsWrittenAtomicallyAndLeavesNoTemporaryFile() throws {
    let path = try tempFile(Self.quarterly)
    let dir = (path as NSString).deletingLastPathComponent
    let out = (dir as NSString).appendingPathComponent("forecast.csv")
    let r = try runCLI(["forecast", path, "--format", "csv", "--output", out])
    #expect(r.code == 0)
    #expect(r.out.isEmpty)
    let written = try String(contentsOfFile: out, encoding: .utf8)
    #expect(written.hasPrefix("indicator,period,mean,lo80,hi80,lo95,hi95,model\n"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".tmp-") }
    #expect(leftovers.isEmpty)
  }

  @Test func failedRunLeavesExistingOutputUntouched() throws {
    let path = try tempFile("indicator,period,value\nx,2022-06,1\nx,not-a-period,2\n")
    let dir = (path as NSString).deletingLastPathComponent
    let out = (dir as NSString).appendingPathComponent("forecast.csv")
    try "previous\n".write(toFile: out, atomically: true, encoding: .utf8)
    let r = try runCLI(["forecast", path, "--format", "csv", "--output", out])
    #expect(r.code == 1)
    #expect(r.err.contains("row 3"))
    #expect(r.err.contains("'not-a-period'"))
    #expect(try String(contentsOfFile: out, encoding: .utf8) == "previous\n")
  }

  @Test func missingFileIsADataError() throws {
    let r = try runCLI(["forecast", "/nonexistent/in.csv"])
    #expect(r.code == 1)
    #expect(r.err.contains("/nonexistent/in.csv"))
  }

  @Test func badLevelIsAUsageError() throws {
    let path = try tempFile(Self.quarterly)
    let r = try runCLI(["forecast", path, "--level", "120"])
    #expect(r.code == 2)
  }

  @Test func jsonCarriesWarnings() throws {
    let path = try tempFile(Self.quarterly)
    let r = try runCLI(["forecast", path, "--format", "json"])
    #expect(r.code == 0)
    let obj = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
    let series = obj?["series"] as? [[String: Any]]
    #expect(series?.count == 2)
    let susp = series?.first { ($0["indicator"] as? String) == "susp" }
    // Three quarters: the last value is followed and the band is borrowed, and the JSON says so.
    #expect(((susp?["warnings"] as? [String]) ?? []).contains { $0.contains("cannot size a band alone") })
    #expect((susp?["model"] as? String)?.hasPrefix("naive") == true)
  }
}
