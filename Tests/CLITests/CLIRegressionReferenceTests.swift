import Foundation
import Testing

/// The command line against R: `forecast --model regression --transform none --format csv --horizon 4`
/// on the R-generated series `notebooks-data/reference/cli_random_series.csv` must reproduce
/// `predict(lm(y ~ t + factor(q)), newdata, interval = "prediction", level = 0.8 / 0.95)` from
/// `cli_random_reference.csv` (script `cli_forecast_reference.R`). The CSV prints 10 significant
/// digits (rounding error ≤ 5e-10 relative), so 1e-6 relative is the tolerance.
@Suite struct CLIRegressionReferenceTests {
  static var referenceDirectory: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("notebooks-data/reference")
  }

  static func table(_ text: String) -> [[String: String]] {
    var lines = text.split(whereSeparator: \.isNewline).map(String.init)
    guard !lines.isEmpty else { return [] }
    let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    return lines.map { l in
      let f = l.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      var d = [String: String]()
      for (i, h) in header.enumerated() where i < f.count { d[h] = f[i] }
      return d
    }
  }

  @Test func regressionCSVMatchesRPredictLM() throws {
    let input = Self.referenceDirectory.appendingPathComponent("cli_random_series.csv").path
    let refText = try String(contentsOf: Self.referenceDirectory.appendingPathComponent("cli_random_reference.csv"), encoding: .utf8)
    let reference = Self.table(refText)
    try #require(reference.count == 4)
    // An empty working directory, so no ./models catalogue is picked up.
    let cwd = URL(fileURLWithPath: try tempFile("")).deletingLastPathComponent().path
    let r = try runCLI(["forecast", input, "--model", "regression", "--transform", "none", "--format", "csv",
                        "--horizon", "4"], cwd: cwd)
    #expect(r.code == 0, "stderr: \(r.err)")
    let rows = Self.table(r.out)
    try #require(rows.count == 4, "output: \(r.out)")
    var worst = 0.0
    for (got, want) in zip(rows, reference) {
      #expect(got["indicator"] == "random_kpi")
      #expect(got["period"] == want["period"])
      #expect(got["model"] == "regression(level+trend+season)")
      for col in ["mean", "lo80", "hi80", "lo95", "hi95"] {
        let g = try #require(got[col].flatMap(Double.init), "column \(col) in \(got)")
        let w = try #require(want[col].flatMap(Double.init))
        #expect(abs(g - w) <= 1e-6 * abs(w), "\(want["period"] ?? "") \(col): \(g) vs R \(w)")
        worst = max(worst, abs(g - w) / abs(w))
      }
    }
    print("CLI reference: max relative deviation \(worst)")
  }

  @Test func logTransformOnZerosExitsOneNamingSeriesAndPeriod() throws {
    let path = try tempFile("indicator,period,value\nreferrals,2022-06,5\nreferrals,2022-09,0\nreferrals,2022-12,7\nreferrals,2023-03,6\n")
    let r = try runCLI(["forecast", path, "--transform", "log", "--format", "csv", "--horizon", "2"],
                       cwd: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    #expect(r.code == 1)
    #expect(r.err.contains("referrals"))
    #expect(r.err.contains("2022-09"))
    #expect(r.err.contains("log"))
    // The refused series is named and left out; nothing else was asked for, so only the header.
    #expect(r.out == "indicator,period,mean,lo80,hi80,lo95,hi95,model\n")
    #expect(r.err.contains("1 of 1 series not forecast"))
  }

  /// A batch survives its worst series: 40 count series forecast under `--transform log`, one
  /// with a zero refuses it and is named, and the 40 others are all written (exit 1).
  @Test func oneRefusedSeriesDoesNotStopTheOther40() throws {
    var text = "indicator,period,value,unit\n"
    for k in 0..<41 {
      for (i, p) in ["2022-06", "2022-09", "2022-12", "2023-03", "2023-06", "2023-09"].enumerated() {
        text += "kpi\(k),\(p),\(k == 17 && i == 2 ? 0 : 10 + k + i),count\n"
      }
    }
    let path = try tempFile(text)
    let r = try runCLI(["forecast", path, "--transform", "log", "--format", "csv", "--horizon", "2"],
                       cwd: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    #expect(r.code == 1)
    let rows = Self.table(r.out)
    #expect(Set(rows.compactMap { $0["indicator"] }).count == 40)
    #expect(!rows.contains { $0["indicator"] == "kpi17" })
    #expect(rows.count == 80)
    #expect(r.err.contains("kpi17") && r.err.contains("2022-12") && r.err.contains("1 of 41 series not forecast"))
  }

  @Test func allMissingAndConstantSeriesAreHandledWithNotes() throws {
    let path = try tempFile("""
      indicator,period,value,unit
      empty,2022-06,NA,percent
      empty,2022-09,NA,percent
      flat,2021-06,100,percent
      flat,2021-09,100,percent
      flat,2021-12,100,percent
      flat,2022-03,100,percent
      flat,2022-06,100,percent
      flat,2022-09,100,percent
      flat,2022-12,100,percent
      flat,2023-03,100,percent
      flat,2023-06,100,percent

      """)
    let r = try runCLI(["forecast", path, "--format", "csv", "--horizon", "2"], cwd: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    #expect(r.code == 0, "stderr: \(r.err)")
    let rows = Self.table(r.out)
    #expect(!rows.contains { $0["indicator"] == "empty" })
    #expect(r.err.contains("empty: no observations"))
    let flat = rows.filter { $0["indicator"] == "flat" }
    #expect(flat.count == 2)
    // Nine quarters at 100% do not make 100% certain: a band borrowed from the documented
    // default scale, narrow, next to the bound and never beyond it.
    for row in flat {
      let v = ["mean", "lo95", "lo80", "hi80", "hi95"].compactMap { row[$0].flatMap(Double.init) }
      #expect(v.count == 5)
      #expect(v[0] > 99.9 && v[0] < 100)
      #expect(v[1] <= v[2] && v[2] < v[3] && v[3] <= v[4] && v[4] <= 100)
    }
    #expect(r.err.contains("flat: ") && r.err.contains("cannot size a band"))
  }

  @Test func zeroAndHundredPercentGiveBandsInsideTheBounds() throws {
    var text = "indicator,period,value,unit\n"
    let values = [0, 100, 35, 100, 0, 100, 60, 100, 20, 97.5, 50, 100]
    for (i, v) in values.enumerated() {
      let m = 2020 * 12 + 5 + 3 * i
      text += "care_leavers_eet,\(m / 12)-\(String(format: "%02d", m % 12 + 1)),\(v),percent\n"
    }
    let path = try tempFile(text)
    let r = try runCLI(["forecast", path, "--format", "csv", "--horizon", "4"], cwd: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    #expect(r.code == 0, "stderr: \(r.err)")
    let rows = Self.table(r.out)
    #expect(rows.count == 4)
    for row in rows {
      #expect(row["model"]?.hasSuffix("logit") == true)
      for col in ["mean", "lo80", "hi80", "lo95", "hi95"] {
        let v = try #require(row[col].flatMap(Double.init))
        #expect(v >= 0 && v <= 100, "\(col) = \(v)")
      }
    }
  }
}
