import Foundation
import Testing
@testable import KPIData

/// The importer on the real seed scorecards (read by path from `<repo>/../shared/seeds`).
@Suite struct SeedImportTests {
  struct Expected { var numericCells: Int; var numbers: Int; var pairCells: Int }

  /// Counts from notebooks-data/reference/seed_cell_counts.py (an independent reader).
  static func expectedCounts() throws -> [String: Expected] {
    let path = TestPaths.repoRoot.appendingPathComponent("notebooks-data/reference/seed-cell-counts.csv").path
    var out = [String: Expected]()
    for r in try CSVReader().read(path: path).dropFirst() {
      guard r.fields.count == 4, let a = Int(r.fields[1]), let b = Int(r.fields[2]), let c = Int(r.fields[3]) else { continue }
      out[r.fields[0]] = Expected(numericCells: a, numbers: b, pairCells: c)
    }
    return out
  }

  /// Round trip: every numeric cell of each seed's tables arrives as a value with its indicator,
  /// period and role (or, when it cannot be read, as an unreadable issue) — none is lost.
  @Test func everyNumericCellArrives() throws {
    let expected = try Self.expectedCounts()
    let files = try TestPaths.seedFiles()
    #expect(files.count == 5)
    for f in files {
      let name = (f as NSString).lastPathComponent
      let imp = try ScorecardImporter().importFiles([f])
      guard let e = expected[name] else { Issue.record("no expected count for \(name)"); continue }
      // Values read from cells (a comparator derived from a target repeats its target's cell).
      let read = imp.values.filter { $0.value != nil && !($0.note ?? "").hasPrefix("from the target") }
      for v in read {
        #expect(!v.indicator.isEmpty)
        #expect(v.source.row != nil && v.source.column != nil, "\(name): value without its cell")
      }
      let cells = Set(read.map { "\($0.source.row ?? 0)|\($0.source.column ?? "")" })
      let unreadable = imp.issues.filter { $0.severity == .unreadable }
      #expect(cells.count + unreadable.count == e.numericCells, "\(name): \(cells.count) cells read + \(unreadable.count) unreadable vs \(e.numericCells)")
      #expect(read.count + unreadable.count == e.numbers, "\(name): \(read.count) numbers read vs \(e.numbers)")
      let counts = imp.cellCounts[f] ?? CellCounts()
      #expect(counts.pairs == e.pairCells, "\(name)")
      #expect(counts.valuesWritten == read.count, "\(name)")
    }
  }

  @Test func rolesPeriodsAndCommentary() throws {
    let files = try TestPaths.seedFiles()
    let imp = try ScorecardImporter().importFiles([files[0]])
    // 000 line 11: CIC NEET, Q2 target 12%, intervention level 16%, outturn 15% (14% Oct).
    let neet = imp.values.filter { $0.indicator == "percentage-children-care-neet" && $0.period == Period(year: 2022, month: 9) }
    #expect(neet.first { $0.role == .target }?.value == 12)
    #expect(neet.first { $0.role == .interventionLevel }?.value == 16)
    let out = neet.first { $0.role == .outturn }
    #expect(out?.value == 15)
    #expect(out?.note == "14% Oct")
    #expect(imp.indicators.first { $0.id == "percentage-children-care-neet" }?.polarity == .smaller)
    // Continuation line 10 ("soon as possible.") joins line 5's commentary.
    let perm = imp.indicators.first { $0.id == "percentage-children-permanence-plans-second-lac-review" }
    #expect(perm?.commentary.contains { $0.contains("soon as possible.") } == true)
    // The directional target is kept as words, with no number.
    let cmoe = imp.values.first { $0.indicator == "number-children-missing-out-education" && $0.role == .target && $0.period == Period(year: 2022, month: 9) }
    #expect(cmoe?.value == nil)
    #expect(cmoe?.note == "decrease from Q1")
    #expect(imp.values.first { $0.text == "25.4% (Provisional)" }?.status == "provisional")
  }

  @Test func comparatorsAndPairs() throws {
    let files = try TestPaths.seedFiles()
    let imp = try ScorecardImporter().importFiles([files[2]])
    // 002 row 1.1: 471 (62.6) → count and rate; England 65.0 belongs to the rate.
    let rate = imp.values.filter { $0.indicator == "number-children-care-rate" }
    #expect(rate.first { $0.role == .outturn && $0.period == Period(year: 2019, month: 9) }?.value == 62.6)
    #expect(rate.first { $0.role == .comparator && $0.geography == "England" }?.value == 65.0)
    #expect(rate.first { $0.role == .comparator && $0.geography == "Good/Outstanding" }?.value == 63.0)
    #expect(imp.values.first { $0.indicator == "number-children-care" && $0.period == Period(year: 2019, month: 9) }?.value == 471)
    #expect(imp.indicators.first { $0.id == "number-children-care" }?.section == "CHILDREN IN CARE: VOLUME")
    #expect(imp.indicators.first { $0.id == "average-attendance-rate" }?.definition == "Average percentage of sessions attended by children in care.")
  }

  @Test func quarterEndColumnsPolarityBasisAndShiftedRow() throws {
    let files = try TestPaths.seedFiles()
    let imp = try ScorecardImporter().importFiles([files[3]])
    let rr = imp.indicators.first { $0.id == "pct-re-referrals-social-care-within-12-months" }
    #expect(rr?.polarity == .smaller)
    #expect(rr?.basis == .latestQuarter)
    #expect(imp.values.first { $0.indicator == rr?.id && $0.role == .target }?.value == 21.5)
    #expect(imp.values.first { $0.indicator == rr?.id && $0.role == .comparator }?.value == 20.8)
    // EHCP row: the Mar-24 actual sits one column right of its header; it is moved back.
    let ehcp = imp.values.first { $0.indicator == "number-children-ehcp" && $0.period == Period(year: 2024, month: 3) && $0.role == .outturn }
    #expect(ehcp?.value == 6056)
    #expect(imp.issues.contains { $0.text == "6,056" && $0.reason.contains("moved") })
  }

  @Test func exceptionReport() throws {
    let files = try TestPaths.seedFiles()
    let imp = try ScorecardImporter().importFiles([files[4]])
    let t = imp.values.first { $0.indicator == "timeliness-single-assessments" && $0.role == .target }
    #expect(t?.value == 83)
    #expect(t?.note == "National average")
    #expect(imp.values.contains { $0.indicator == "timeliness-single-assessments" && $0.role == .comparator && $0.geography == "England" && $0.value == 83 })
    // "0.2% national average 2017/18" → a comparator dated 2017/18.
    #expect(imp.values.contains { $0.role == .comparator && $0.value == 0.2 && $0.year == "2017/18" })
    #expect(imp.values.contains { $0.role == .outturn && $0.value == 548 && $0.unit == .count })
  }

  @Test func proseOnlySeedGivesAnEmptyImportWithAReport() throws {
    let files = try TestPaths.seedFiles()
    let imp = try ScorecardImporter().importFiles([files[1]])
    #expect(imp.values.isEmpty)
    #expect(imp.layouts.first?.contains("no scorecard table") == true)
  }

  /// With the catalogue, the importer reproduces the independent hand transcription
  /// (notebooks-data/reference/seed-transcription.csv) value for value, and the reverse.
  @Test func matchesTheHandTranscription() throws {
    let files = try TestPaths.seedFiles()
    let cat = try Catalogue.load(directory: TestPaths.models)
    let imp = try ScorecardImporter(catalogue: cat).importFiles([files[0], files[2], files[3]])
    let csv = ImportRenderer.observationsCSV(imp)
    let observed = try ObservationReader.parse(text: csv, file: "observations.csv")
    var mine = [String: Double]()
    for o in observed.observations { if let v = o.value { mine["\(o.indicator)|\(o.period)"] = v } }
    let ref = try ObservationReader.read(path: TestPaths.repoRoot.appendingPathComponent("notebooks-data/reference/seed-transcription.csv").path)
    var theirs = [String: Double]()
    for o in ref.observations { if let v = o.value { theirs["\(o.indicator)|\(o.period)"] = v } }
    #expect(theirs.count > 300)
    for (k, v) in theirs { #expect(mine[k] == v, "\(k): transcribed \(v), imported \(mine[k].map { "\($0)" } ?? "nothing")") }
    let extra = Set(mine.keys).subtracting(theirs.keys)
    // The importer reads three rows the transcription left out: 002's "4 CIC 6 Care Leavers" row and 000's garbled row.
    #expect(extra.allSatisfy { $0.hasPrefix("uasc-missing|") || $0.hasPrefix("neet-16-17-ocr-row|") }, "\(extra.sorted())")
  }
}
