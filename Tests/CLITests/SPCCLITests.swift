import Foundation
import Testing

/// `spc`: the CSV contract, point types by polarity, rebasing, formats and exit codes.
@Suite struct SPCCLITests {
  /// 15 quarters near 50 with one spike, for a Bigger is Better and a Smaller is Better KPI.
  static func input() -> String {
    let values = [50.0, 51, 49, 50, 52, 48, 50, 51, 49, 50, 80, 50, 49, 51, 50]
    var rows = ["indicator,geography,period,value,unit,polarity"]
    for (k, v) in values.enumerated() {
      let p = "\(2021 + (k + 1) / 4)-\(["03", "06", "09", "12"][(k + 1) % 4])"
      rows.append("up,BCP,\(p),\(v),percent,bigger")
      rows.append("down,BCP,\(p),\(v),percent,smaller")
      rows.append("flat,BCP,\(p),\(v),percent,")
    }
    return rows.joined(separator: "\n") + "\n"
  }

  @Test func csvHasTheContractColumnsAndTypesFollowPolarity() throws {
    let path = try tempFile(Self.input())
    let r = try runCLI(["spc", path, "--format", "csv", "--catalogue", (path as NSString).deletingLastPathComponent])
    #expect(r.code == 0, "\(r.err)")
    let lines = r.out.split(separator: "\n").map(String.init)
    #expect(lines.first == "indicator,geography,period,value,mean,lpl,upl,point_type")
    #expect(lines.count == 1 + 3 * 15)
    let spike = lines.filter { $0.contains(",80,") }
    #expect(spike.count == 3)
    #expect(spike.contains { $0.hasPrefix("up,BCP,") && $0.hasSuffix(",special_cause_improvement") })
    #expect(spike.contains { $0.hasPrefix("down,BCP,") && $0.hasSuffix(",special_cause_concern") })
    #expect(spike.contains { $0.hasPrefix("flat,BCP,") && $0.hasSuffix(",special_cause_neutral") })
    let types = Set(lines.dropFirst().map { $0.split(separator: ",").last.map(String.init) ?? "" })
    #expect(types.isSubset(of: ["common_cause", "special_cause_improvement", "special_cause_concern", "special_cause_neutral"]))
    // Every row of a series shares its mean and limits (no rebase), and lpl < mean < upl.
    let up = lines.filter { $0.hasPrefix("up,") }.map { $0.split(separator: ",").map(String.init) }
    #expect(Set(up.map { $0[4] + $0[5] + $0[6] }).count == 1)
    let (mean, lpl, upl) = (Double(up[0][4]) ?? .nan, Double(up[0][5]) ?? .nan, Double(up[0][6]) ?? .nan)
    #expect(lpl < mean && mean < upl)
  }

  @Test func levelShiftRebasesTheLimits() throws {
    let path = try tempFile(Self.input())
    let r = try runCLI(["spc", path, "--format", "csv", "--level-shift", "2023-12", "--catalogue", (path as NSString).deletingLastPathComponent])
    #expect(r.code == 0, "\(r.err)")
    let up = r.out.split(separator: "\n").filter { $0.hasPrefix("up,") }.map { $0.split(separator: ",").map(String.init) }
    let before = Set(up.filter { $0[2] < "2023-12" }.map { $0[4] }), after = Set(up.filter { $0[2] >= "2023-12" }.map { $0[4] })
    #expect(before.count == 1 && after.count == 1 && before != after)
  }

  @Test func tableAndJSONAndOutputFile() throws {
    let path = try tempFile(Self.input())
    let dir = (path as NSString).deletingLastPathComponent
    let t = try runCLI(["spc", path, "--catalogue", dir])
    #expect(t.code == 0)
    #expect(t.out.contains("Special-cause points:"))
    #expect(t.out.contains("outside the process limits"))
    let out = dir + "/spc.json"
    let j = try runCLI(["spc", path, "--format", "json", "--output", out, "--catalogue", dir])
    #expect(j.code == 0 && j.out.isEmpty)
    let obj = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any]
    let series = try #require(obj?["spc"] as? [[String: Any]])
    #expect(series.count == 3)
    #expect(series.allSatisfy { ($0["points"] as? [Any])?.count == 15 })
  }

  @Test func badInputAndUsage() throws {
    let bad = try tempFile("indicator,period,value\nneet,2022-06,4.2\nneet,2022-09,abc\n")
    let r1 = try runCLI(["spc", bad, "--format", "csv"])
    #expect(r1.code == 1)
    #expect(r1.err.contains("row 3") && r1.err.contains("'abc'"))
    #expect(try runCLI(["spc", "/nonexistent/x.csv"]).code == 1)
    #expect(try runCLI(["spc", bad, "--format", "markdown"]).code == 2)
    #expect(try runCLI(["spc", bad, "--rules", "bogus"]).code == 2)
    #expect(try runCLI(["spc", bad, "--level-shift", "soon"]).code == 2)
  }
}
