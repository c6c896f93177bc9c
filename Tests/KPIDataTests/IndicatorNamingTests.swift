import Testing
@testable import KPIData

@Suite struct IndicatorNamingTests {
  @Test(arguments: [
    ("Social Care: Percentage of children in care who are NEET", "percentage-children-care-neet"),
    ("Number of children in care (and rate)", "number-children-care"),
    ("% re-referrals to Social Care within 12 months", "pct-re-referrals-social-care-within-12-months"),
    ("", "indicator"),
    ("!!!", "indicator"),
  ])
  func slugs(title: String, id: String) {
    #expect(IndicatorNaming.slug(title) == id)
  }

  @Test(arguments: [
    ("% of audits judged as good or better", KPIUnit.percent),
    ("Education: Permanent exclusions as a percentage of all primary school children", .percent),
    ("Number of Suspensions (All Pupils)", .count),
    ("Rate per 1,000 of children with an Education Health and Care Plan", .rate),
    ("Average time between a child entering care and moving in with its adoptive family (days)", .days),
    ("Change in the proportion of family and friends carers in the last 12 months", .number),
    ("Education: Percentage increase in apprenticeships offer", .number),
    ("Education: Reduce attainment gap and improve learning outcomes", .number),
  ])
  func unitsFromTitles(title: String, unit: KPIUnit) {
    #expect(IndicatorNaming.unit(fromTitle: title) == unit)
  }

  @Test func secondaryKinds() {
    #expect(IndicatorNaming.secondary(fromTitle: "Number of children in care (and rate)") == .rate)
    #expect(IndicatorNaming.secondary(fromTitle: "Number (and proportion) of Children in Care") == .percent)
    #expect(IndicatorNaming.secondary(fromTitle: "Percentage of NEETs and Unknowns (and number)") == .count)
    #expect(IndicatorNaming.secondary(fromTitle: "Timeliness of assessments") == nil)
  }

  @Test func headerCells() {
    #expect(ScorecardHeader.classify("Q1 Intervention Level 2022/23") == .value(role: .interventionLevel, period: Period(year: 2022, month: 6), label: "Q1 Intervention Level 2022/23"))
    #expect(ScorecardHeader.classify("Target Mar-24") == .value(role: .target, period: Period(year: 2024, month: 3), label: "Target Mar-24"))
    #expect(ScorecardHeader.classify("Good/ Outstanding Average") == .comparator(name: "Good/Outstanding", label: "Good/ Outstanding Average"))
    #expect(ScorecardHeader.classify("Good Performance High/Low") == .polarity)
    #expect(ScorecardHeader.classify("Reason for level of Performance") == .text("Reason for level of Performance"))
  }
}
