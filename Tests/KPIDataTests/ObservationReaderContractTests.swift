import Foundation
import Testing
@testable import KPIData

/// The tidy-CSV contract of DESIGN §3: what is accepted, and where errors point.
@Suite struct ObservationReaderContractTests {
  @Test func readsColumnsInAnyOrderAndKeepsExtras() throws {
    let set = try ObservationReader.parse(text: "value,note,period,indicator,geography\n4.2,hello,2022/23 Q1,neet,England\n,gap,Sep-22,neet,England\n", file: "t.csv")
    #expect(set.observations.count == 2)
    #expect(set.hasGeography)
    #expect(set.extraColumns == ["note"])
    #expect(set.observations[0].extra["note"] == "hello")
    #expect(set.observations[0].period.description == "2022-06")
    #expect(set.observations[1].value == nil)
  }

  @Test func acceptsBOMAndCRLFAndQuotedFields() throws {
    var data = Data([0xEF, 0xBB, 0xBF])
    data.append(Data("indicator,period,value\r\n\"a, b\",2022-09,\"2,720\"\r\n".utf8))
    let recs = try CSVReader().parse(data: data, file: "t.csv")
    let set = try ObservationReader.parse(records: recs, file: "t.csv")
    #expect(set.observations.first?.indicator == "a, b")
    #expect(set.observations.first?.value == 2720)
  }

  @Test func unparsableValueNamesRowColumnAndText() {
    #expect(throws: DataError.unparsableValue(InputLocation(file: "t.csv", row: 3, column: "value"), text: "abc")) {
      try ObservationReader.parse(text: "indicator,period,value\nx,2022-06,1\nx,2022-09,abc\n", file: "t.csv")
    }
  }

  @Test func unparsablePeriodNamesRowColumnAndText() {
    #expect(throws: DataError.unparsablePeriod(InputLocation(file: "t.csv", row: 2, column: "period"), text: "Q7 2022")) {
      try ObservationReader.parse(text: "indicator,period,value\nx,Q7 2022,1\n", file: "t.csv")
    }
  }

  @Test func duplicatePeriodIsAnErrorNamingBothRows() {
    do {
      _ = try ObservationReader.parse(text: "indicator,period,value\nx,2022-09,1\nx,2022/23 Q2,2\n", file: "t.csv")
      Issue.record("expected an error")
    } catch let e as DataError {
      guard case .duplicateObservation(let loc, let first, _) = e else { Issue.record("wrong error \(e)"); return }
      #expect(loc.row == 3)
      #expect(first == 2)
    } catch { Issue.record("unexpected \(error)") }
  }

  @Test func missingRequiredColumnIsNamed() {
    #expect(throws: DataError.missingColumn(file: "t.csv", column: "value", header: ["indicator", "period"])) {
      try ObservationReader.parse(text: "indicator,period\nx,2022-09\n", file: "t.csv")
    }
  }

  @Test func headerOnlyFileIsAnError() {
    #expect(throws: DataError.noDataRows(file: "t.csv")) { try ObservationReader.parse(text: "indicator,period,value\n", file: "t.csv") }
  }

  @Test func missingMarkersAreKeptForTheNote() throws {
    let set = try ObservationReader.parse(text: "indicator,period,value\nk,2023-06,x\nk,2023-09,\nk,2023-12,NaN\n", file: "t.csv")
    #expect(set.observations.map(\.missingText) == ["x", nil, "NaN"])
  }

  @Test func emptyFileIsAnError() {
    #expect(throws: DataError.emptyFile(file: "t.csv")) { try ObservationReader.parse(text: "", file: "t.csv") }
  }

  @Test func invalidUTF8NamesRowAndOffset() {
    let data = Data("indicator,period,value\nx,2022-09,".utf8) + Data([0xFF, 0x31]) + Data("\n".utf8)
    #expect(throws: DataError.notUTF8(file: "t.csv", row: 2, byteOffset: 33)) { try CSVReader().parse(data: data, file: "t.csv") }
  }

  @Test func unterminatedQuoteIsAnError() {
    #expect(throws: DataError.unterminatedQuote(file: "t.csv", row: 2)) {
      try CSVReader().parse(text: "indicator,period,value\n\"x,2022-09,1\n", file: "t.csv")
    }
  }

  @Test func wrongFieldCountIsAnError() {
    #expect(throws: DataError.wrongFieldCount(file: "t.csv", row: 2, expected: 3, found: 2)) {
      try ObservationReader.parse(text: "indicator,period,value\nx,2022-09\n", file: "t.csv")
    }
  }

  @Test(arguments: ["1e400", "nan", "inf", "1,23", "12.5.1", "--3"])
  func rejectsNonNumbers(text: String) {
    #expect(ObservationReader.parseNumber(text) == nil)
  }

  @Test(arguments: [("2,720", 2720.0), ("64.00%", 64.0), ("-14.50", -14.5), ("0.3", 0.3), ("1,234,567.5", 1234567.5)])
  func readsNumbers(text: String, value: Double) {
    #expect(ObservationReader.parseNumber(text) == value)
  }
}
