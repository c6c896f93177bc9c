import Foundation
import KPIFuzz
import Testing
@testable import KPIData

/// Defined answers for awkward inputs (issue 3 item 5), and a short fuzz run in the suite
/// (the long run is `swift run -c release kpi-fuzz --seconds 600`, docs/IMPORT.md).
@Suite struct ImporterEdgeTests {
  let header = "Measure\tQ1 Target 2022/23\tQ1 Outturn 2022/23\tQ2 Target 2022/23\tQ2 Outturn 2022/23\n"

  func importText(_ s: String) throws -> ScorecardImport { try ScorecardImporter().importText(Data(s.utf8), file: "t.txt") }

  @Test func headerOnlyFileImportsNothingAndSaysSo() throws {
    let imp = try importText(header)
    #expect(imp.values.isEmpty)
    #expect(imp.indicators.isEmpty)
    #expect(imp.layouts.count == 1)
    // The observations file is a header only, which the reader names as such.
    #expect(throws: DataError.noDataRows(file: "<input>")) { try ObservationReader.parse(text: ImportRenderer.observationsCSV(imp)) }
  }

  @Test func byteOrderMarkIsDropped() throws {
    let imp = try importText("\u{FEFF}" + header + "Timeliness\t88\t70\t88\t83.5\n")
    #expect(imp.values.filter { $0.role == .outturn }.compactMap(\.value) == [70, 83.5])
    #expect(try CSVReader().parse(data: Data("\u{FEFF}a,b\n1,2\n".utf8), file: "x").first?.fields == ["a", "b"])
  }

  @Test func nonUTF8IsReadAsWindows1252AndReported() throws {
    var bytes = Array(header.utf8)
    bytes += Array("Caf".utf8) + [0xE9] + Array("\t88\t70\t88\t83.5\n".utf8)
    let imp = try ScorecardImporter().importText(Data(bytes), file: "t.txt")
    #expect(imp.indicators.first?.title == "Café")
    #expect(imp.issues.contains { $0.reason.contains("not UTF-8") && $0.reason.contains("Windows-1252") })
    // The tidy reader refuses it instead, naming the row and byte offset.
    #expect(throws: DataError.notUTF8(file: "x.csv", row: 2, byteOffset: 24)) {
      try CSVReader().parse(data: Data(Array("indicator,period,value\nx".utf8) + [0xE9, 0x0A]), file: "x.csv")
    }
  }

  @Test func oneMegabyteLineIsAnUnreadableCellNotACrash() throws {
    let long = String(repeating: "7", count: 1 << 20)
    let imp = try importText(header + "Timeliness\t88\t\(long)\t88\t83.5\n")
    #expect(imp.values.contains { $0.value == 83.5 })
    #expect(imp.issues.contains { $0.severity == .unreadable && $0.reason.contains("long text") })
    let words = try importText(header + "Timeliness\t88\t70\t88\t83.5\t" + String(repeating: "word ", count: 200_000) + "\n")
    #expect(words.values.compactMap(\.value).count == 4)
  }

  @Test func hundredMegabyteFileIsRefusedWithADataError() throws {
    let dir = try TestPaths.tempDir()
    let path = (dir as NSString).appendingPathComponent("big.txt")
    #expect(FileManager.default.createFile(atPath: path, contents: Data(header.utf8)))
    let h = try #require(FileHandle(forWritingAtPath: path))
    try h.truncate(atOffset: 100 * 1024 * 1024)  // sparse: nothing is written
    try h.close()
    #expect(throws: DataError.self) { try ScorecardImporter().importFiles([path]) }
    do { _ = try ScorecardImporter().importFiles([path]) } catch { #expect("\(error)".contains("100 MB")) }
    let yaml = (dir as NSString).appendingPathComponent("big.yaml")
    try FileManager.default.copyItem(atPath: path, toPath: yaml)
    #expect(throws: DataError.self) { try Catalogue.loadFile(path: yaml) }
  }

  @Test func commaSeparatedExportWithQuotesAndRepeatedHeaders() throws {
    let csv = """
      Measure,Q1 2019/20,Q2 2019/20,England Average
      "Number of children in care (and rate)",468,"471 (62.6)",65.0
      Measure,Q1 2019/20,Q2 2019/20,England Average
      "Percentage of visits on time, all ages",87%,91%,n/a
      """
    let imp = try importText(csv)
    #expect(imp.values.contains { $0.value == 62.6 && $0.unit == .rate })
    #expect(imp.values.contains { $0.role == .comparator && $0.value == 65 })
    #expect(imp.values.contains { $0.value == 91 && $0.unit == .percent })
    #expect(imp.issues.contains { $0.severity == .missing && $0.text == "n/a" })
  }

  @Test func unreadableCellNamesFileRowAndColumn() throws {
    let imp = try importText(header + "Timeliness\t88\tabc\t88\t83.5\n")
    let issue = try #require(imp.issues.first { $0.severity == .unreadable })
    #expect(issue.location.file == "t.txt")
    #expect(issue.location.row == 2)
    #expect(issue.location.column == "Q1 Outturn 2022/23")
    #expect(issue.text == "abc")
  }

  @Test func shortFuzzRunKeepsEveryProperty() throws {
    var corpus = [[UInt8]]()
    for f in try TestPaths.seedFiles() { if let d = FileManager.default.contents(atPath: f) { corpus.append([UInt8](d)) } }
    if let d = FileManager.default.contents(atPath: TestPaths.models + "/catalogue.yaml") { corpus.append([UInt8](d.prefix(4000))) }
    if let d = FileManager.default.contents(atPath: TestPaths.models + "/../notebooks-data/scenarios-bcp.yaml") { corpus.append([UInt8](d)) }
    var engine = FuzzEngine(corpus: corpus, seed: 20261123)
    try engine.fuzz(until: Date().addingTimeInterval(3), limit: 400)
    #expect(engine.executed > 50)
  }
}
