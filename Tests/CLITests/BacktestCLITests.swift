import Foundation
import Testing

@Suite struct BacktestCLITests {
  static func quarterly(_ n: Int) -> String {
    var lines = ["indicator,period,value"]
    for t in 0..<n {
      let y = 2015 + (t + 1) / 4, q = (t + 1) % 4 + 1
      lines.append("k,\(y)-Q\(q),\(100 + t + [5, -3, 2, -4][t % 4])")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test func tidyInputGivesPerIndicatorAndOverallRows() throws {
    let path = try tempFile(Self.quarterly(24))
    let r = try runCLI(["backtest", path, "--holdout", "4", "--origins", "2", "--format", "csv"])
    #expect(r.code == 0, "\(r.err)")
    let lines = r.out.split(separator: "\n")
    #expect(lines.first == "indicator,origins,points,mase,smape,coverage80,coverage95,winkler80,winkler95,model,intervals,seconds")
    #expect(lines.count == 3)
    #expect(lines[1].hasPrefix("k,2,8,"))
    #expect(lines[2].hasPrefix("overall,2,8,"))
  }

  @Test func benchmarkInputUsesTheTestRows() throws {
    var lines = ["series_id,period_index,value,split"]
    for s in ["A", "B"] { for t in 1...20 { lines.append("\(s),\(t),\(50 + t + (t % 4) * 3),\(t > 16 ? "test" : "train")") } }
    let path = try tempFile(lines.joined(separator: "\n") + "\n")
    let r = try runCLI(["backtest", path, "--model", "theta", "--format", "csv"])
    #expect(r.code == 0, "\(r.err)")
    #expect(r.out.contains("\noverall,2,8,"))
  }

  /// Auto's intervals are calibrated on the rolling-origin errors of 10+ series of a regime, and
  /// analytic with fewer — the note says which, and why.
  @Test func forecastAutoSaysWhichIntervalsItUsed() throws {
    func batch(_ n: Int) -> String {
      var text = Self.quarterly(24)
      for i in 2...n { text += Self.quarterly(24).split(separator: "\n").dropFirst().map { $0.replacingOccurrences(of: "k,", with: "k\(i),") }.joined(separator: "\n") + "\n" }
      return text
    }
    let few = try runCLI(["forecast", try tempFile(batch(3)), "--horizon", "4", "--format", "csv"])
    #expect(few.code == 0, "\(few.err)")
    #expect(few.out.contains("auto(median: ETS("))
    #expect(few.err.contains("intervals analytic (calibration needs the rolling-origin errors of 10+ series of the regime; 3 here)"), "\(few.err)")
    #expect(!few.err.contains("intervals calibrated"))
    let ten = try runCLI(["forecast", try tempFile(batch(10)), "--horizon", "4", "--format", "csv"])
    #expect(ten.code == 0, "\(ten.err)")
    #expect(ten.err.contains("intervals calibrated (rolling-origin, "), "\(ten.err)")
  }

  @Test func badOptionsAreUsageErrors() throws {
    let path = try tempFile(Self.quarterly(12))
    #expect(try runCLI(["backtest", path, "--holdout", "0"]).code == 2)
    #expect(try runCLI(["backtest", path, "--model", "nonsense"]).code == 2)
    #expect(try runCLI(["backtest", path, "--format", "json"]).code == 2)
  }
}
