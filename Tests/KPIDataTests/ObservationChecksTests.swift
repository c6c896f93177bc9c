import KPIData
import Testing

/// Conflicts are errors or notes, never silent (issue 13 item 2).
@Suite struct ObservationChecksTests {
  let today = Period(year: 2026, month: 12)

  func check(_ csv: String, catalogue: Catalogue = Catalogue()) throws -> [String] {
    try ObservationChecks.check(ObservationReader.parse(text: csv, file: "t.csv"), catalogue: catalogue, today: today)
  }

  @Test func twoUnitsForOneIndicatorIsAnErrorAtTheSecondRow() {
    let csv = "indicator,period,value,unit\nk,2023-06,1,count\nk,2023-09,2,percent\n"
    #expect(throws: DataError.invalid(InputLocation(file: "t.csv", row: 3, column: "unit"),
                                      message: "indicator 'k' is given unit 'percent' here but 'count' at row 2; one indicator has one unit")) {
      try check(csv)
    }
  }

  @Test func catalogueConflictNamesBoth() throws {
    let cat = Catalogue(entries: [CatalogueEntry(id: "k", title: "K", unit: .percent, polarity: .smaller, basis: .snapshot)])
    let notes = try check("indicator,period,value,unit,polarity,basis\nk,2023-06,1,count,bigger,Year to Date\nk,2023-09,2,count,bigger,Year to Date\n", catalogue: cat)
    #expect(notes == [
      "k: the input's unit column says 'count' (row 2) but the catalogue says 'percent'; the catalogue's unit is used",
      "k: the input's polarity column says 'bigger' (row 2) but the catalogue says 'smaller'; the catalogue's polarity is used",
      "k: the input's basis column says 'year-to-date' (row 2) but the catalogue says 'snapshot'; the catalogue's basis is used",
    ])
  }

  @Test func mixedFrequencyFutureAndMissingAreNoted() throws {
    let mixed = try check("indicator,period,value\nk,2023-03,1\nk,2023-06,2\nk,2023-09,3\nk,2023-10,4\nk,2023-11,5\n")
    #expect(mixed.count == 1)
    #expect(mixed.first?.hasPrefix("k: rows 2 to 4 are three months apart (quarterly) but rows 4 and 5 are one month apart (monthly)") == true)
    // A monthly series with one missing quarter is not "mixed": only a run of three-month steps is.
    #expect(try check("indicator,period,value\nk,2023-01,1\nk,2023-02,2\nk,2023-05,3\nk,2023-06,4\n").isEmpty)
    #expect(try check("indicator,period,value\nk,2098-06,1\nk,2099-03,2\n") == ["k: 2 row(s) after today (2026-12), the latest 2099-03 at row 3; check the dates"])
    #expect(try check("indicator,period,value\nk,2023-06,x\nk,2023-09,\nk,2023-12,NaN\nk,2024-03,1\n")
      == ["k: 2 value(s) read as missing ('x' at row 2, 'NaN' at row 4)"])
  }

  @Test func manySeriesShareOneGroupedNote() throws {
    var csv = "indicator,period,value,geography\n"
    for g in 0..<8 { csv += "k,2023-06,x,g\(g)\nk,2023-09,1,g\(g)\n" }
    let notes = try check(csv)
    #expect(notes.count == 1)
    #expect(notes.first?.hasPrefix("8 value cells in 8 series read as missing ('x' ×8), e.g. k (g0)") == true)
  }
}
