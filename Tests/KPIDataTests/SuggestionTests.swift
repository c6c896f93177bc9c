import KPIData
import Testing

/// "Did you mean …?" by optimal-string-alignment distance.
@Suite struct SuggestionTests {
  @Test func nearestKeyWithinTwoEdits() {
    let keys = ["indicator", "change", "relative", "from", "ramp"]
    #expect(Suggestion.closest(to: "rmap", among: keys) == "ramp")  // a swap of neighbours is one edit
    #expect(Suggestion.closest(to: "chnage", among: keys) == "change")
    #expect(Suggestion.closest(to: "indicators", among: keys) == "indicator")
    #expect(Suggestion.closest(to: "colour", among: keys) == nil)
    #expect(Suggestion.distance(Array("kitten"), Array("sitting")) == 3)
    #expect(Suggestion.distance(Array("ab"), Array("ba")) == 1)
  }
}
