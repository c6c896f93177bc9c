import Foundation
import Testing
@testable import KPIData

@Suite struct CatalogueTests {
  func load(_ yaml: String) throws -> [CatalogueEntry] {
    try Catalogue.parse(data: Data(yaml.utf8), file: "test.yaml")
  }

  func error(_ yaml: String) -> String {
    do {
      _ = try load(yaml)
      return "no error"
    } catch {
      return "\(error)"
    }
  }

  @Test func modelsLoadAndCoverEverySeedKPI() throws {
    let cat = try Catalogue.load(directory: TestPaths.models)
    let imp = try ScorecardImporter(catalogue: cat).importFiles(try TestPaths.seedFiles())
    #expect(!imp.indicators.isEmpty)
    for ind in imp.indicators { #expect(cat[ind.id] != nil, "seed KPI '\(ind.id)' (\(ind.title)) has no catalogue entry") }
    // Every outturn the import writes is within its catalogue bounds.
    let obs = try ObservationReader.parse(text: ImportRenderer.observationsCSV(imp), file: "observations.csv")
    try cat.checkBounds(obs)
    // Published targets and comparators arrive in the catalogue.
    #expect(cat["neet-16-17"]?.targets?["2022/23"] == 4.7)
    #expect(cat["neet-16-17"]?.interventionLevels?["2022/23"] == 6)
    #expect(cat["cic-rate-per-10000"]?.comparators?["England"]?["2019/20"] == 65)
    #expect(cat["re-referrals-12m"]?.comparators?["Comparator group"]?["2023/24"] == 20.8)
    #expect(cat["re-referrals-12m"]?.polarity == .smaller)
    #expect(cat["ehcp-count"]?.polarity == .plan)
    #expect(cat["cic-cmoe-percent"]?.pairedWith == "cic-cmoe-count")
  }

  @Test func seasonalPriorsQuoteTheirEvidence() throws {
    let cat = try Catalogue.load(directory: TestPaths.models)
    for id in ["neet-16-17", "cic-neet", "permanent-exclusions-primary-pct", "permanent-exclusions-secondary-pct", "suspensions",
               "permanent-exclusions", "cmoe-count"] {
      let p = try #require(cat[id]?.seasonalPrior, "\(id) has no seasonal prior")
      #expect(p.effects.count == 4)
      #expect(abs(p.effects.reduce(0, +)) < 1e-9, "\(id): effects should sum to zero")
      #expect((p.evidence ?? "").count > 40)
    }
    // The September spike is the largest NEET effect; exclusions dip in Q2; CMOE falls in Q2, rises in Q3.
    #expect(cat["neet-16-17"]?.seasonalPrior?.effects.firstIndex(of: 15) == 1)
    #expect((cat["suspensions"]?.seasonalPrior?.effects[1] ?? 0) < 0)
    let cmoe = try #require(cat["cmoe-count"]?.seasonalPrior?.effects)
    #expect(cmoe[1] < 0 && cmoe[2] > 0)
  }

  @Test func unknownKeyNamesFileLineAndKey() {
    let e = error("indicators:\n  - id: x\n    title: X\n    unit: percent\n    polarty: bigger\n")
    #expect(e.contains("test.yaml"))
    #expect(e.contains("line 5"))
    #expect(e.contains("unknown key 'polarty'"))
    #expect(e.contains("(did you mean 'polarity'?)"))
    #expect(error("indicators:\n  - id: x\n    title: X\n    unit: percnt\n").contains("found 'percnt' (did you mean 'percent'?)"))
    #expect(error("indicator:\n  - id: x\n").contains("unknown key 'indicator'"))
    #expect(error("indicators:\n  - id: x\n    title: X\n    unit: percent\n    seasonal_prior: {effects: [1, -1, 0, 0], weight: 1, evidnce: y}\n")
      .contains("unknown key 'evidnce' in seasonal_prior"))
  }

  @Test func wrongTypesNameTheKey() {
    let t = error("indicators:\n  - id: x\n    title: X\n    unit: percent\n    targets: {2022/23: high}\n")
    #expect(t.contains("targets"))
    #expect(t.contains("indicator 'x'"))
    let u = error("indicators:\n  - id: x\n    title: X\n    unit: percentage\n")
    #expect(u.contains("unit"))
    #expect(u.contains("percent, count"))
    #expect(error("indicators:\n  - id: x\n    unit: percent\n").contains("'title' is missing"))
    #expect(error("indicators: 5\n").contains("must be a list"))
    #expect(error("indicators: [\n").contains("not valid YAML"))
  }

  @Test func interventionLevelOnTheBetterSideIsAnError() {
    let base = "indicators:\n  - id: x\n    title: X\n    unit: percent\n"
    let bigger = error(base + "    polarity: bigger\n    targets: {2022/23: 90}\n    intervention_levels: {2022/23: 95}\n")
    #expect(bigger.contains("intervention_levels.2022/23"))
    #expect(bigger.contains("better side"))
    #expect(error(base + "    polarity: smaller\n    targets: {2022/23: 20}\n    intervention_levels: {2022/23: 15}\n").contains("better side"))
    #expect(error(base + "    polarity: smaller\n    targets: {2022/23: 20}\n    intervention_levels: {2022/23: 25}\n") == "no error")
  }

  @Test func significantMarginMustBeAFraction() {
    let base = "indicators:\n  - id: x\n    title: X\n    unit: percent\n    polarity: bigger\n"
    #expect(error(base + "    significant_margin: 10\n").contains("significant_margin"))
    #expect(error(base + "    significant_margin: 0\n").contains("between 0 and 1"))
    #expect(error(base + "    significant_margin: 0.15\n") == "no error")
  }

  @Test func boundsThatExcludeTheDataAreErrors() throws {
    let base = "indicators:\n  - id: x\n    title: X\n    unit: percent\n"
    #expect(error(base + "    targets: {2022/23: 120}\n").contains("above the upper bound 100"))
    #expect(error(base + "    bounds: [0, 50]\n    comparators: {England: {2019/20: 65}}\n").contains("comparators.England.2019/20"))
    #expect(error(base + "    bounds: [10, 5]\n").contains("lower must be below upper"))
    let cat = Catalogue(entries: try load(base + "    bounds: [0, 50]\n"))
    let obs = try ObservationReader.parse(text: "indicator,period,value\nx,2022-06,40\nx,2022-09,60\n", file: "obs.csv")
    #expect(throws: DataError.self) { try cat.checkBounds(obs) }
    do { try cat.checkBounds(obs) } catch { #expect("\(error)".contains("obs.csv, row 3") && "\(error)".contains("x.bounds")) }
  }

  @Test func definedAnswersForOddFiles() {
    #expect(error("") == "no error")  // an empty file holds no indicators
    #expect(error("\u{FEFF}indicators: []\n") == "no error")
    #expect(error(String(repeating: "[", count: 10_000)).contains("nested more than"))
    do {
      _ = try Catalogue.parse(data: Data([0x69, 0x6E, 0xFF, 0xFE, 0x0A]), file: "bad.yaml")
      Issue.record("non-UTF-8 accepted")
    } catch { #expect("\(error)".contains("not valid UTF-8")) }
  }
}
