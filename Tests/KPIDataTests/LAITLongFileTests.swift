import Foundation
import Testing
@testable import KPIData

/// The DfE LAIT long extract read by path (issue "National scale", batch commands): each record
/// becomes a tidy row on the same line, by the mapping `LAITLongFile` documents.
@Suite struct LAITLongFileTests {
  static let extract = """
    measure_code,period,geographic_level,area_name,old_la_code,region,value,suppressed
    16-17 NEET,2023,Local authority,"Bournemouth, Christchurch and Poole",839,South West,3.9,0
    16-17 NEET,2024,Local authority,"Bournemouth, Christchurch and Poole",839,South West,,1
    16-17 NEET,2024,National,England,,,3.4,0
    16-17 NEET,2024,Regional,South West,,South West,3.9,0
    CareLeaversNEET,2023/24,Local authority,Barnet,302,Outer London,25,0

    """

  static let measures: [String: LAITLongFile.Measure] = [
    "16-17 NEET": .init(unit: "percent", polarity: "smaller"),
  ]

  /// Hand-applied mapping: measure code → indicator; a suppressed cell → empty value; National →
  /// England; a region keeps its name; units and polarities from the measures table (none for
  /// a measure it lacks).
  @Test func rowsKeepTheirLinesAndMeaning() throws {
    let tidy = try LAITLongFile.tidy(bytes: Array(Self.extract.utf8), file: "lait.csv", measures: Self.measures)
    let want = """
      indicator,period,value,geography,unit,polarity
      16-17 NEET,2023,3.9,"Bournemouth, Christchurch and Poole",percent,smaller
      16-17 NEET,2024,,"Bournemouth, Christchurch and Poole",percent,smaller
      16-17 NEET,2024,3.4,England,percent,smaller
      16-17 NEET,2024,3.9,South West,percent,smaller
      CareLeaversNEET,2023/24,25,Barnet,,

      """
    #expect(String(decoding: tidy, as: UTF8.self) == want)
  }

  @Test func recognisesOnlyLAITHeaders() {
    #expect(LAITLongFile.isLAIT(header: ["measure_code", "period", "geographic_level", "area_name", "old_la_code", "region", "value", "suppressed"]))
    #expect(!LAITLongFile.isLAIT(header: ["indicator", "period", "value", "geography"]))
    #expect(!LAITLongFile.isLAIT(header: ["measure_code", "period", "value"]))
  }

  /// A measures file beside the extract gives units and polarities; a missing one gives none.
  @Test func measuresFileBesideTheExtract() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lait-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("extract.csv").path
    try Self.extract.write(toFile: path, atomically: true, encoding: .utf8)
    let bare = try #require(try LAITLongFile.tidyIfLAIT(path: path))
    #expect(String(decoding: bare, as: UTF8.self).contains("16-17 NEET,2024,3.4,England,,\n"))
    try """
      measure_code,measure,polarity,year_type,unit
      16-17 NEET,16-17 NEET (from 2016),Low,Financial Year,% of 16 - 17 year olds
      CareLeaversNEET,Care leavers NEET,Low,Financial Year,Number per 10000 (rate)
      """.write(toFile: dir.appendingPathComponent(LAITLongFile.measuresFileName).path, atomically: true, encoding: .utf8)
    let withMeasures = String(decoding: try #require(try LAITLongFile.tidyIfLAIT(path: path)), as: UTF8.self)
    #expect(withMeasures.contains("16-17 NEET,2024,3.4,England,percent,smaller\n"))
    #expect(withMeasures.contains("CareLeaversNEET,2023/24,25,Barnet,rate,smaller\n"))
    // A tidy file is not touched.
    let tidyPath = dir.appendingPathComponent("tidy.csv").path
    try "indicator,period,value\nx,2024,1\n".write(toFile: tidyPath, atomically: true, encoding: .utf8)
    #expect(try LAITLongFile.tidyIfLAIT(path: tidyPath) == nil)
  }
}
