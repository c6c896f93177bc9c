import Testing
@testable import KPIData

/// Every messy cell of DESIGN §2, read with its meaning (hand-worked expectations).
@Suite struct CellReadingTests {
  @Test func countAndRatePair() {
    let r = CellReading.read("471 (62.6)")
    #expect(r.kind == .pair)
    #expect(r.numbers == [CellNumber(471), CellNumber(62.6)])
  }

  @Test func countAndPercentPairs() {
    #expect(CellReading.read("23 (9%)").numbers == [CellNumber(23), CellNumber(9, percentSign: true)])
    #expect(CellReading.read("109 (0.47%)").numbers == [CellNumber(109), CellNumber(0.47, percentSign: true)])
    #expect(CellReading.read("7.7% (548)").numbers == [CellNumber(7.7, percentSign: true), CellNumber(548)])
  }

  @Test func valueWithAside() {
    let r = CellReading.read("15% (14% Oct)")
    #expect(r.kind == .number)
    #expect(r.numbers == [CellNumber(15, percentSign: true)])
    #expect(r.note == "14% Oct")
  }

  @Test func provisional() {
    let r = CellReading.read("25.4% (Provisional)")
    #expect(r.kind == .number)
    #expect(r.numbers.first?.value == 25.4)
    #expect(r.status == "provisional")
    #expect(r.note == nil)
  }

  @Test(arguments: [("64.00%", 64.0, true), ("2,720", 2720.0, false), ("0.3", 0.3, false), ("-14.50", -14.5, false), ("5,400", 5400.0, false),
                    ("98", 98.0, false), ("12.0%", 12.0, true)])
  func plainNumbers(text: String, value: Double, percent: Bool) {
    let r = CellReading.read(text)
    #expect(r.isPlainNumber)
    #expect(r.numbers == [CellNumber(value, percentSign: percent)])
  }

  @Test(arguments: [("n/a", "n/a"), ("tbc", "tbc"), ("", "empty"), ("  ", "empty"), ("not available until November", "not available until November"),
                    ("No target set", "No target set"), ("N/A", "N/A")])
  func missingWithReason(text: String, reason: String) {
    let r = CellReading.read(text)
    #expect(r.kind == .missing)
    #expect(r.reason == reason)
  }

  @Test func directionalTarget() {
    let r = CellReading.read("decrease from Q1")
    #expect(r.kind == .directional)
    #expect(r.reason == "decrease from Q1")
  }

  @Test func targetAsComparator() {
    let r = CellReading.read("83% - National average")
    #expect(r.numbers == [CellNumber(83, percentSign: true)])
    #expect(r.note == "National average")
    #expect(CellReading.read("0.2% national average 2017/18").note == "national average 2017/18")
  }

  @Test(arguments: ["20.470 (1 10VISIOIIAI)", "abc", "12abc", "(", "1 (2", "%", "--5", "1.2.3", "▲"])
  func unreadable(text: String) {
    #expect(CellReading.read(text).kind == .unreadable)
  }

  @Test func labelledCount() {
    let r = CellReading.read("4 CIC 6 Care Leavers")
    #expect(r.numbers.first?.value == 4)
    #expect(r.note == "CIC 6 Care Leavers")
  }
}
