import ArgumentParser
import Foundation
import KPIData
import KPIReport

/// `kpi-forecast benchmark --lait DIR --authority CODE`: an authority against England, its
/// region, statistical neighbours and Good/Outstanding authorities, with rank and quartile band.
struct BenchmarkCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "benchmark",
    abstract: "Compare an authority with England, its region, statistical neighbours and Good/Outstanding authorities (DfE LAIT data).",
    discussion: """
      Reads the DfE files in --lait (lait_childrens_kpis_long.csv, lait_childrens_kpis_measures.csv,
      statistical_neighbours_2025_wide.csv, ofsted_ilacs_judgements_2025-03-31.csv) by path. Rules follow
      LAIT: neighbour average = plain mean; rank 1 = best by polarity, ties share the lowest rank;
      quartile bands A (best) to D from that year's authority values. See docs/IMPORT.md.
      """
  )

  @Option(help: "Folder with the DfE LAIT files (e.g. ../shared/data/dfe).")
  var lait: String

  @Option(help: "Old LA code (839 = Bournemouth, Christchurch and Poole) or a unique part of the name.")
  var authority: String

  @Option(help: "Only this LAIT measure code (repeatable).")
  var measure: [String] = []

  @Option(help: "Only this year (as LAIT labels it: 2025 or 2023/24).")
  var year: [String] = []

  @Option(name: .long, help: "Folder of KPI catalogue YAML files linking LAIT measures to indicators (default: ./models if it exists).")
  var catalogue: String?

  @OptionGroup var out: OutputOptions<TableOrCSV>

  func run() throws {
    try out.checkDestination()
    let console = out.console()
    defer { console.finish() }
    let cat = try loadCatalogueOption(catalogue)
    let data = try LAITData.load(folder: lait)
    var rows = try Benchmark.compute(data, authority: authority, catalogue: cat)
    for m in measure where data.measures[m] == nil && data.values[m] == nil {
      throw ValidationError("no LAIT measure '\(m)'; measures are: \(data.measures.keys.sorted().joined(separator: ", "))")
    }
    if !measure.isEmpty { rows = rows.filter { measure.contains($0.measure) } }
    if !year.isEmpty { rows = rows.filter { year.contains($0.period) } }
    let text: String
    if out.format == .csv {
      text = Benchmark.csv(rows)
    } else {
      func n(_ x: Double?) -> String { x.map { NumberFormat.human($0, decimals: 1) } ?? "" }
      let t = TextTable(header: ["measure", "year", "pol", "value", "England", "region", "SN mean", "SN median", "G/O mean", "rank", "band", "note"],
                        rows: rows.map { r in
                          [r.measure, r.period, r.polarity?.rawValue ?? "-", n(r.value), n(r.england), n(r.regionValue), n(r.neighbourMean),
                           n(r.neighbourMedian), n(r.goodOutstandingMean), r.rank.map { "\($0)/\(r.rankOf)" } ?? "", r.quartileBand ?? "",
                           r.predecessorValues.isEmpty ? (r.note ?? "") : r.predecessorValues.map { "\($0.0) \(n($0.1))" }.joined(separator: "; ")]
                        }, rightAligned: [3, 4, 5, 6, 7, 8, 9])
      text = "\(rows.first?.authority ?? authority) — region \(rows.first?.region ?? "")\n" + t.render()
    }
    try out.write(text)
  }
}
