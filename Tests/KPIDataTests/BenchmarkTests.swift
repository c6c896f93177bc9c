import Foundation
import Testing
@testable import KPIData

/// BCP (839) against the DfE files (read by path from `<repo>/../shared/data/dfe`), compared with
/// an independent numpy implementation (notebooks-data/reference/benchmark_bcp.py).
@Suite struct BenchmarkTests {
  static func close(_ a: Double?, _ b: Double?) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case let (x?, y?): return abs(x - y) <= 1e-9 * max(1, abs(y))
    default: return false
    }
  }

  @Test func bcpMatchesTheIndependentReference() throws {
    let data = try LAITData.load(folder: TestPaths.dfe.path)
    let rows = try Benchmark.compute(data, authority: "839")
    var byKey = [String: BenchmarkRow]()
    for r in rows { byKey["\(r.measure)|\(r.period)"] = r }
    let ref = try CSVReader().read(path: TestPaths.repoRoot.appendingPathComponent("notebooks-data/reference/benchmark-bcp.csv").path)
    #expect(ref.count > 200)
    func d(_ s: String) -> Double? { s.isEmpty ? nil : Double(s) }
    for r in ref.dropFirst() {
      let f = r.fields
      guard f.count == 13 else { Issue.record("bad reference row \(r.line)"); continue }
      let key = "\(f[0])|\(f[1])"
      guard let mine = byKey[key] else { Issue.record("no benchmark row for \(key)"); continue }
      #expect(Self.close(mine.value, d(f[2])), "\(key) value")
      #expect(Self.close(mine.england, d(f[3])), "\(key) England")
      #expect(Self.close(mine.regionValue, d(f[4])), "\(key) region")
      #expect(Self.close(mine.neighbourMean, d(f[5])), "\(key) SN mean")
      #expect(Self.close(mine.neighbourMedian, d(f[6])), "\(key) SN median")
      #expect(mine.neighbourCount == Int(f[7]), "\(key) SN count")
      #expect(Self.close(mine.goodOutstandingMean, d(f[8])), "\(key) G/O mean")
      #expect(mine.goodOutstandingCount == Int(f[9]), "\(key) G/O count")
      #expect(mine.rank == Int(f[10]), "\(key) rank")
      #expect(mine.rankOf == Int(f[11]), "\(key) rank of")
      #expect((mine.quartileBand ?? "") == f[12], "\(key) band")
    }
  }

  /// Three values checked by hand against the DfE files (grep of lait_childrens_kpis_long.csv):
  /// (1) 16-17 NEET 2025: BCP 3.9, England 3.4, South West 3.9; (2) LAC_LongStable% 2024: BCP 78,
  /// England 68, South West 68; (3) its statistical-neighbour mean 65.9 from the ten neighbours of
  /// 839 (822, 882, 886, 878, 826, 303, 938, 926, 845, 881).
  @Test func handCheckedValues() throws {
    let data = try LAITData.load(folder: TestPaths.dfe.path)
    let rows = try Benchmark.compute(data, authority: "839")
    let neet = try #require(rows.first { $0.measure == "16-17 NEET" && $0.period == "2025" })
    #expect(neet.value == 3.9)
    #expect(neet.england == 3.4)
    #expect(neet.regionValue == 3.9)
    #expect(data.neighbours["839"] == ["822", "882", "886", "878", "826", "303", "938", "926", "845", "881"])
    #expect(data.ofsted["839"] == "Good")
    // LAC_LongStable% 2024: BCP 78, England 68, South West 68; the ten neighbours' values
    // 57+64+67+64+61+75+69+71+67+64 = 659 → mean 65.9, median (64+67)/2 = 65.5 (summed by hand).
    let lts = try #require(rows.first { $0.measure == "LAC_LongStable%" && $0.period == "2024" })
    #expect(lts.value == 78 && lts.england == 68 && lts.regionValue == 68)
    #expect(abs((lts.neighbourMean ?? 0) - 65.9) < 1e-9)
    #expect(lts.neighbourMedian == 65.5)
    // Before 2019/20 BCP did not exist: its predecessors Poole (836) and Bournemouth (837) are shown.
    let early = try #require(rows.first { $0.measure == "16-17 NEET" && $0.period == "2019" })
    #expect(early.value == nil)
    #expect(early.predecessorValues.map(\.0) == ["Poole (Pre LG)", "Bournemouth (Pre LG)"])
    #expect(data.authority("836")?.name == "Poole (Pre LG)")
    #expect(data.authority("Christchurch")?.code == "839")
    #expect(try Benchmark.compute(data, authority: "836").contains { $0.value != nil })
  }

  /// LAIT's own unit tests (tests/testthat/test-fn_analysis.R): bands 0/25/50/75/100.
  @Test func lAITBandRules() {
    let all: [Double] = [0, 25, 50, 75, 100]
    #expect(Benchmark.quartileBand(10, among: all, polarity: .smaller) == "A")
    #expect(Benchmark.quartileBand(25, among: all, polarity: .smaller) == "A")
    #expect(Benchmark.quartileBand(50, among: all, polarity: .smaller) == "B")
    #expect(Benchmark.quartileBand(80, among: all, polarity: .smaller) == "D")
    #expect(Benchmark.quartileBand(10, among: all, polarity: .bigger) == "D")
    #expect(Benchmark.quartileBand(60, among: all, polarity: .bigger) == "B")
    #expect(Benchmark.quartileBand(80, among: all, polarity: .bigger) == "A")
    #expect(Benchmark.rank(20, among: [10, 20, 20, 30, 40], polarity: .bigger) == 3)
    #expect(Benchmark.rank(10, among: [10, 20, 20, 30, 40], polarity: .smaller) == 1)
  }

  @Test func unknownAuthorityIsADataError() throws {
    let data = try LAITData.load(folder: TestPaths.dfe.path)
    #expect(throws: DataError.self) { try Benchmark.compute(data, authority: "nowhere") }
  }
}
