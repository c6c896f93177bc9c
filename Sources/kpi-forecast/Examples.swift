/// The worked examples that end every command's `--help` (appended by ``runMain()``): each runs
/// on the bundled data from the repository root, and a test runs them all.
enum Examples {
  /// Command name (`""` for the root) → example arguments after `kpi-forecast`.
  static let byCommand: [String: [String]] = [
    "": ["forecast notebooks-data/bcp-kpis.csv --catalogue models"],
    "import": ["import ../shared/seeds/000_2285b7d634f4aaa8.txt --catalogue models"],
    "forecast": ["forecast notebooks-data/bcp-kpis.csv --catalogue models --horizon 4 --format csv"],
    "year-end": ["year-end notebooks-data/bcp-kpis.csv --catalogue models"],
    "targets": ["targets notebooks-data/bcp-kpis.csv --catalogue models --format csv"],
    "scenarios": ["scenarios notebooks-data/bcp-kpis.csv --catalogue models --scenarios notebooks-data/scenarios-bcp.yaml"],
    "demand": ["demand notebooks-data/bcp-kpis.csv --catalogue models --scenarios notebooks-data/scenarios-bcp.yaml --years 2"],
    "backtest": ["backtest notebooks-data/bcp-kpis.csv --catalogue models --holdout 1 --origins 1"],
    "benchmark": ["benchmark --lait ../shared/data/dfe --authority 839 --measure CareLeaversNEET --catalogue models"],
    "report": ["report notebooks-data/bcp-kpis.csv --catalogue models --format markdown"],
    "spc": ["spc notebooks-data/bcp-kpis.csv --catalogue models --format csv"],
    // The workshop: serve writes its record to kpi-decisions.sqlite (its default --db); after
    // the meeting, decisions exports what was agreed and review scores it against later data.
    "serve": ["serve notebooks-data/bcp-kpis.csv --catalogue models --scenarios notebooks-data/scenarios-bcp.yaml"],
    "decisions": ["decisions --db kpi-decisions.sqlite --format yaml"],
    "review": ["review notebooks-data/bcp-kpis.csv --catalogue models --db kpi-decisions.sqlite"],
  ]

  /// The help footer for the command named in `arguments` (the process arguments after the
  /// program name: `forecast --help`, `help forecast`, `--help`), or "".
  static func footer(arguments: [String]) -> String {
    let words = arguments.filter { !$0.hasPrefix("-") }
    let name = words.first == "help" ? (words.dropFirst().first ?? "") : (words.first ?? "")
    guard let list = byCommand[byCommand[name] == nil ? "" : name] else { return "" }
    return "\nEXAMPLE (from the repository root):\n" + list.map { "  kpi-forecast \($0)" }.joined(separator: "\n")
  }
}
