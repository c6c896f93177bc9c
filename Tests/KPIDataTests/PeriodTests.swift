import Testing
@testable import KPIData

@Suite struct PeriodTests {
  @Test(arguments: [
    ("2022-09", "2022-09"), ("2022-Q3", "2022-09"), ("2022/23 Q2", "2022-09"), ("Sep-22", "2022-09"),
    ("2022/23 Q4", "2023-03"), ("Q1 2019/20", "2019-06"), ("Mar-24", "2024-03"), ("2025", "2025-03"), ("2023/24", "2024-03"),
  ])
  func parsesEveryNotation(text: String, canonical: String) {
    #expect(Period.parse(text)?.period.description == canonical)
  }

  @Test(arguments: ["", "2022-13", "2022-Q5", "Sept-2", "2022/24 Q1", "hello", "22-09"])
  func rejectsNonPeriods(text: String) {
    #expect(Period.parse(text) == nil)
  }

  @Test func financialYearHelpers() {
    let p = Period(year: 2022, month: 9)
    #expect(p.financialQuarter == 2)
    #expect(p.financialYearLabel == "2022/23")
    #expect(p.nextMarch.description == "2023-03")
    #expect(Period(year: 2024, month: 3).nextMarch.description == "2025-03")
  }
}
