import Foundation
import Testing

/// `report`: the committee pack from the command line — HTML and Markdown, filters, one
/// authority per pack, exit codes, determinism, and the same numbers as `year-end`.
@Suite struct ReportCLITests {
  static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func input(secondAuthority: Bool = false) -> String {
    var rows = ["indicator,geography,period,value,unit,polarity"]
    let a = [50.0, 52, 51, 53, 55, 54, 56, 57, 58], b = [12.0, 14, 13, 15, 14, 16, 15, 17, 16]
    for (k, p) in ["2022-03", "2022-06", "2022-09", "2022-12", "2023-03", "2023-06", "2023-09", "2023-12", "2024-03"].enumerated() {
      rows.append("a<b & \"c\",Poole,\(p),\(a[k]),percent,bigger")
      rows.append("counts,Poole,\(p),\(b[k]),count,smaller")
      rows.append("counts,England,\(p),\(b[k] + 2),count,smaller")
      if secondAuthority { rows.append("counts,Dorset,\(p),\(b[k] + 1),count,smaller") }
    }
    rows.append("old,Poole,2019-03,4,count,smaller")
    return rows.joined(separator: "\n") + "\n"
  }

  @Test func htmlPackEscapedDeterministicAndSelfContained() throws {
    let path = try tempFile(Self.input())
    let dir = (path as NSString).deletingLastPathComponent
    let out = dir + "/report.html"
    let r = try runCLI(["report", path, "--output", out, "--catalogue", dir, "--date", "2026-12-04"])
    #expect(r.code == 0, "\(r.err)")
    let html = try String(contentsOfFile: out, encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("<p class=\"authority\">Poole</p>"))
    #expect(html.contains("Quarter 4 2023/24") && html.contains("4 December 2026"))
    #expect(html.contains("a&lt;b &amp; &quot;c&quot;") && !html.contains("a<b"))
    #expect(html.components(separatedBy: "<tr id=\"row-").count - 1 == 2)
    #expect(html.components(separatedBy: "class=\"chart\"").count - 1 == 2)
    #expect(html.contains("data-kpi=\"old\""))          // listed as not recent, not charted
    #expect(html.contains("England"))                    // comparator from the England series
    #expect(!html.contains("<script") && html.contains("default-src 'none'"))
    let again = try runCLI(["report", path, "--catalogue", dir, "--date", "2026-12-04"])
    #expect(again.out == html)
  }

  @Test func markdownAndFiltersAndTheSameNumbersAsYearEnd() throws {
    let path = try tempFile(Self.input())
    let dir = (path as NSString).deletingLastPathComponent
    let md = try runCLI(["report", path, "--format", "markdown", "--indicator", "counts", "--catalogue", dir, "--date", "2026-12-04"])
    #expect(md.code == 0, "\(md.err)")
    #expect(md.out.hasPrefix("# Poole: Children's services performance: Quarter 4 2023/24"))
    #expect(md.out.contains("1) counts") && !md.out.contains("a<b"))
    // The pack's year-end forecast is the year-end command's (one engine).
    let ye = try runCLI(["year-end", path, "--format", "csv", "--catalogue", dir])
    let row = try #require(ye.out.split(separator: "\n").first { $0.hasPrefix("counts,Poole,") })
    let forecast = try #require(Double(row.split(separator: ",")[4]))
    #expect(md.out.contains("| \(Int(forecast.rounded())) ("), "\(forecast)")
  }

  @Test func oneAuthorityPerPackAndErrors() throws {
    let two = try tempFile(Self.input(secondAuthority: true))
    let dir = (two as NSString).deletingLastPathComponent
    let r = try runCLI(["report", two, "--catalogue", dir])
    #expect(r.code == 2 && r.err.contains("--geography"))
    let ok = try runCLI(["report", two, "--geography", "Dorset", "--format", "markdown", "--catalogue", dir])
    #expect(ok.code == 0 && ok.out.hasPrefix("# Dorset:"))
    #expect(try runCLI(["report", two, "--geography", "Nowhere", "--catalogue", dir]).code == 1)
    #expect(try runCLI(["report", two, "--geography", "Dorset", "--indicator", "nope", "--catalogue", dir]).code == 1)
    #expect(try runCLI(["report", two, "--date", "4/12/26", "--catalogue", dir]).code == 2)
    #expect(try runCLI(["report", two, "--format", "pdf", "--catalogue", dir]).code == 2)
    let bad = try tempFile("indicator,period,value\nneet,2022-06,4.2\nneet,2022-09,abc\n")
    let b = try runCLI(["report", bad])
    #expect(b.code == 1 && b.err.contains("row 3"))
  }

  /// The pack for the bundled BCP data as a person sees it, in headless Chromium
  /// (scripts/browser_check.py; scripts/setup.sh installs Debian's chromium, so this never skips).
  @Test func bcpPackInHeadlessChromium() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("kpi-pack-\(UUID().uuidString)").path
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "scripts/browser_check.py", "--binary", productsDirectory().appendingPathComponent("kpi-forecast").path,
                   "--input", "notebooks-data/bcp-kpis.csv", "--catalogue", "models", "--out", out]
    p.currentDirectoryURL = Self.repo
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = pipe
    try p.run()
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    #expect(p.terminationStatus == 0, "\(text)")
    #expect(text.contains("every current KPI has its scorecard row") && text.contains(" 0 failed"), "\(text)")
  }
}
