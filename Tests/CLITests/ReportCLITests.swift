import Foundation
import Testing

/// `report`: one fan chart per indicator with a forecast, names escaped, deterministic.
@Suite struct ReportCLITests {
  @Test func oneChartPerForecastIndicatorEscapedAndDeterministic() throws {
    let csv = """
      indicator,period,value,unit
      a<b & "c",2022-06,10,percent
      a<b & "c",2022-09,14,percent
      a<b & "c",2022-12,12,percent
      counts,2022-06,5,count
      counts,2022-09,7,count
      empty,2022-06,,count

      """
    let path = try tempFile(csv)
    let out = (path as NSString).deletingLastPathComponent + "/report.html"
    let r = try runCLI(["report", path, "--output", out, "--title", "BCP <test>"])
    #expect(r.code == 0, "\(r.err)")
    let html = try String(contentsOfFile: out, encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.components(separatedBy: "<svg ").count - 1 == 2)
    #expect(html.contains("a&lt;b &amp; &quot;c&quot;"))
    #expect(!html.contains("a<b"))
    #expect(html.contains("BCP &lt;test&gt;"))
    #expect(html.contains("No forecast (no observations): empty"))
    #expect(!html.contains("<script"))
    let again = try runCLI(["report", path, "--title", "BCP <test>"])
    #expect(again.out == html)
  }
}
