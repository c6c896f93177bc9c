import Testing
import KPIData

/// The one home of number formatting: units, differences, probabilities without false certainty.
@Suite struct NumberFormatTests {
  @Test func valuesInTheirUnits() {
    #expect(NumberFormat.value(25.44, unit: .percent) == "25.4%")
    #expect(NumberFormat.value(0.04, unit: .percent) == "0.040%")
    #expect(NumberFormat.value(2157, unit: .count) == "2,157")
    #expect(NumberFormat.value(-14.5, unit: .number) == "−14.50")
    #expect(NumberFormat.value(41.2, unit: .days) == "41 days")
  }

  @Test func differencesInPoints() {
    #expect(NumberFormat.delta(1, unit: .percent) == "1.0 point")
    #expect(NumberFormat.delta(2.54, unit: .percent) == "2.5 points")
    #expect(NumberFormat.delta(12, unit: .count) == "12")
  }

  /// Rounding never turns a near-certainty into a certainty; exact 0 and 1 (fixed KPIs) stay.
  @Test func probabilitiesShowNoFalseCertainty() {
    #expect(NumberFormat.probability(0.08) == "8%")
    #expect(NumberFormat.probability(0.999) == ">99%")
    #expect(NumberFormat.probability(0.001) == "<1%")
    #expect(NumberFormat.probability(1) == "100%" && NumberFormat.probability(0) == "0%")
  }

  @Test func csvFieldsQuotedOnlyWhenNeeded() {
    #expect(NumberFormat.csvField("a,b") == "\"a,b\"" && NumberFormat.csvField("say \"x\"") == "\"say \"\"x\"\"\"" && NumberFormat.csvField("ab") == "ab")
  }
}
