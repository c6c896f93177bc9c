import KPIData
import KPIForecast
import Testing
@testable import KPIReport

/// The pack's plain English: articles, points, quarters.
@Suite struct WordingTests {
  @Test(arguments: [(0.08, "an 8% chance"), (0.4, "a 40% chance"), (0.11, "an 11% chance"), (0.18, "an 18% chance"),
                    (0.8, "an 80% chance"), (0.85, "an 85% chance"), (0.01, "a 1% chance"), (0.001, "a less than 1% chance"),
                    (0.999, "a more than 99% chance"), (1.0, "a 100% chance"), (0.0, "a 0% chance")])
  func chance(p: Double, text: String) { #expect(Wording.chance(p) == text) }

  @Test func movements() {
    #expect(Wording.movement(1.0, .percent) == "up 1.0 point")
    #expect(Wording.movement(-2.5, .percent) == "down 2.5 points")
    #expect(Wording.movement(0.3, .percent) == "up 0.3 points")
    #expect(Wording.movement(12, .count) == "up 12")
    #expect(Wording.movement(-1, .days) == "down 1 day")
    #expect(Wording.movement(0, .rate) == "unchanged")
  }

  @Test func quartersAreFinancial() {
    #expect(Wording.quarter(Period(year: 2024, month: 9)) == "Q2 24/25")
    #expect(Wording.quarter(Period(year: 2024, month: 3)) == "Q4 23/24")
    #expect(Wording.quarter(Period(year: 1999, month: 12)) == "Q3 99/00")
    #expect(Wording.quarterLong(Period(year: 2024, month: 3)) == "Quarter 4 2023/24")
  }

  @Test func assurancePointsToTheForecastWhenTheyDisagree() {
    let agree = PackIcons.assuranceSentence(.inconsistent, probabilityOfMeeting: 0.5)
    let differ = PackIcons.assuranceSentence(.inconsistent, probabilityOfMeeting: 0.01)
    #expect(agree.hasPrefix("On past variation alone, the target lies within the usual range") && !agree.contains("better guide"))
    #expect(differ.contains("the forecast, which allows for the season and the trend, is the better guide"))
    #expect(PackIcons.assuranceSentence(.consistentPass, probabilityOfMeeting: 0.3).contains("better guide"))
    #expect(!PackIcons.assuranceSentence(.consistentFail, probabilityOfMeeting: 0.02).contains("better guide"))
  }
}

/// Signed figures (the scenarios table's change in P(meet), a relative effect): rounded, a true
/// minus sign, and no "-0" (−0.3 rounds to 0, which is written +0).
@Suite struct SignedNumberWordingTests {
  @Test func signedUsesTheMinusSignAndNeverMinusZero() {
    #expect(NumberFormat.signed(12.6, decimals: 0) == "+13")
    #expect(NumberFormat.signed(-4.4, decimals: 0) == "−4")
    #expect(NumberFormat.signed(-0.3, decimals: 0) == "+0")
    #expect(NumberFormat.signed(0, decimals: 0) == "+0")
    #expect(NumberFormat.signed(-1234.5, decimals: 1) == "−1,234.5")
  }
}

/// Short series that borrowed their band alike share one grouped note (the spread itself is in
/// each band), so a scorecard's notes do not repeat one sentence per KPI.
@Suite struct BorrowedBandNoteTests {
  @Test func alikeBorrowedBandsShareOneGroupedNote() {
    let series = (0..<5).map { k in
      KPISeries(key: SeriesKey(indicator: "kpi\(k)"), frequency: .quarterly, start: Period(year: 2024, month: 6),
                values: [40 + Double(k), 52 + Double(k) * 1.5, 44 + Double(k)], unit: .count)
    }
    let lines = Notes.grouped(Forecaster.forecastAll(series, options: ForecastOptions(horizon: .steps(4))))
    let borrowed = lines.filter { $0.contains("cannot size a band alone") }
    #expect(borrowed.count == 1, "\(borrowed)")
    #expect(borrowed.first?.hasPrefix("5 series: 3 observations cannot size a band alone: its spread per step is shrunk toward the documented default") == true,
            "\(borrowed)")
  }
}
