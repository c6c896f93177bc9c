import Foundation
import KPIStats
import KPIData
import KPIPlanning

/// A property-based fuzzer for the input readers (issue 3 item 5): it feeds random bytes and
/// mutated seed files to the CSV reader, the tidy observations reader, the scorecard importer (and
/// its renderers, whose observations CSV must always read back), the catalogue loader and the
/// scenario-file reader (both strict YAML).
/// Every input must end in a value or a thrown `DataError`; anything else — a trap, or a broken
/// property — is a failure. Deterministic for a given seed.
public struct FuzzEngine {
  /// SplitMix64 (KPIStats): small, fast, and reproducible across platforms.
  public struct RNG {
    var base: SplitMix64
    public init(seed: UInt64) { base = SplitMix64(seed: seed) }
    public mutating func next() -> UInt64 { base.next() }
    public mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
  }

  public enum Target: String, CaseIterable, Sendable {
    case csv, observations, scorecard, catalogue, cell, scenarios
  }

  /// A property that did not hold.
  public struct Failure: Error, CustomStringConvertible {
    public var target: Target
    public var message: String
    public var input: [UInt8]
    public var description: String { "\(target.rawValue): \(message)" }
  }

  public var corpus: [[UInt8]]
  /// Corpus files for the catalogue and scenario readers (see ``pool(for:)``).
  let catalogueFiles: [[UInt8]], scenarioFiles: [[UInt8]]
  public var rng: RNG
  public private(set) var executed = 0
  public private(set) var dataErrors = 0
  /// Set before each input is run, so a crash handler can save it.
  nonisolated(unsafe) public static var current: [UInt8] = []

  /// Tokens that make scorecard-like structure.
  static let tokens: [String] = [
    "\t", "\n", "\r\n", ",", "\"", "%", "(", ")", " (", "n/a", "tbc", "Q1 Target 2022/23", "Q2 Outturn 2022/23", "Q1 2019/20", "Mar-23",
    "Actual Mar-24", "Target Mar-24", "England Average", "Comparator Group", "Good Performance High/Low", "Reporting Basis",
    "Bigger is Better", "Smaller is Better", "Plan is Best", "Snapshot", "471 (62.6)", "23 (9%)", "15% (14% Oct)", "25.4% (Provisional)",
    "2,720", "-14.50", "decrease from Q1", "not available until November", "Indicator Description: ", "2019/20 Q2 outturn: ",
    "Quarterly Target: ", "**", "Measure", "Key Performance Indicator", "CHILDREN IN CARE: VOLUME", "---", "\u{FEFF}", "\u{0}",
    "1e308", "-0", "9999999999999999999999", ".", "indicator,period,value\n", "indicators:\n  - id: x\n    title: X\n    unit: percent\n",
    "    targets: {2022/23: 90}\n", "    intervention_levels: {2022/23: 95}\n", "    polarity: bigger\n", "    bounds: [0, 50]\n",
    "seasonal_prior: {effects: [1, -1, 0, 0], weight: 2}\n", "[[[[", "{{", "&a *a", "!!binary", "---\n", "? ", ": ", "- ", "|\n",
    "scenarios:\n  - name: a\n", "    effects:\n      - indicator: k\n        change: -3\n        from: 2024/25 Q2\n", "        ramp: 2\n",
    "        relative: -20%\n", "    convergence:\n      - {indicator: k, value: 10, share: 0.5}\n", "rmap", "~", "null", ".nan", "-.inf",
    "0x10", "1e999", "&x [1, 2]", "*x", "!!str 5", "<<: *x\n",
  ]

  public init(corpus: [[UInt8]], seed: UInt64) {
    self.corpus = corpus.isEmpty ? [Array("indicator,period,value\nx,2022-06,1\n".utf8)] : corpus
    catalogueFiles = Self.files(corpus, holding: "indicators:")
    scenarioFiles = Self.files(corpus, holding: "scenarios:")
    self.rng = RNG(seed: seed)
  }

  /// Corpus files that look like input for `target` (YAML with its top key for the YAML
  /// readers), so mutations reach past the first check; the whole corpus otherwise.
  func pool(for target: Target?) -> [[UInt8]] {
    switch target {
    case .catalogue: return catalogueFiles.isEmpty ? corpus : catalogueFiles
    case .scenarios: return scenarioFiles.isEmpty ? corpus : scenarioFiles
    default: return corpus
    }
  }

  /// The corpus files holding `key` near their start.
  static func files(_ corpus: [[UInt8]], holding key: String) -> [[UInt8]] {
    corpus.filter { String(decoding: $0.prefix(4096), as: UTF8.self).contains(key) }
  }

  /// Builds the next input: a mutated corpus file (mostly), a splice of two, or random bytes;
  /// drawn from the files that suit `target` when it is given.
  public mutating func nextInput(for target: Target? = nil) -> [UInt8] {
    let files = pool(for: target)
    var b: [UInt8]
    switch rng.below(10) {
    case 0: b = (0..<rng.below(512)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
    case 1:
      let a = files[rng.below(files.count)], c = corpus[rng.below(corpus.count)]
      b = Array(a.prefix(rng.below(a.count + 1))) + Array(c.suffix(rng.below(c.count + 1)))
    default: b = files[rng.below(files.count)]
    }
    let n = 1 + rng.below(8)
    for _ in 0..<n { mutate(&b) }
    if b.count > 1 << 20 { b = Array(b.prefix(1 << 20)) }
    return b
  }

  mutating func mutate(_ b: inout [UInt8]) {
    let p = b.isEmpty ? 0 : rng.below(b.count + 1)
    switch rng.below(9) {
    case 0 where !b.isEmpty: b[min(p, b.count - 1)] ^= UInt8(1 << rng.below(8))
    case 1: b.insert(UInt8(truncatingIfNeeded: rng.next()), at: p)
    case 2 where !b.isEmpty:
      let len = min(b.count - min(p, b.count - 1), 1 + rng.below(64))
      b.removeSubrange(min(p, b.count - 1)..<min(p, b.count - 1) + len)
    case 3:
      b.insert(contentsOf: Array(Self.tokens[rng.below(Self.tokens.count)].utf8), at: p)
    case 4 where !b.isEmpty:
      let start = rng.below(b.count), len = min(b.count - start, 1 + rng.below(256))
      b.insert(contentsOf: Array(b[start..<start + len]), at: p)
    case 5: b.insert(contentsOf: [UInt8](repeating: [9, 10, 44, 34, 40][rng.below(5)], count: 1 + rng.below(40)), at: p)
    case 6: b.insert(contentsOf: [[0xC3], [0xE2, 0x80], [0xFF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]][rng.below(5)], at: p)
    case 7 where !b.isEmpty:
      // Replace a digit run with an extreme number.
      let q = min(p, b.count - 1)
      b.replaceSubrange(q..<q, with: Array(["1e309", "-1e309", "nan", "inf", "0x1p3", "1_000", "٣"][rng.below(7)].utf8))
    default:
      let other = corpus[rng.below(corpus.count)]
      if !other.isEmpty {
        let start = rng.below(other.count), len = min(other.count - start, 1 + rng.below(400))
        b.insert(contentsOf: Array(other[start..<start + len]), at: p)
      }
    }
  }

  /// Runs one input through one target; throws `Failure` when a property breaks.
  public mutating func run(_ input: [UInt8], on target: Target) throws {
    Self.current = input
    executed += 1
    let data = Data(input)
    do {
      switch target {
      case .csv:
        let recs = try CSVReader().parse(data: data, file: "fuzz.csv")
        for r in recs where r.line < 1 { throw Failure(target: target, message: "record line \(r.line) < 1", input: input) }
      case .observations:
        let text = String(decoding: input, as: UTF8.self)
        let set = try ObservationReader.parse(text: text, file: "fuzz.csv")
        for o in set.observations where o.value.map({ !$0.isFinite }) ?? false {
          throw Failure(target: target, message: "non-finite value accepted", input: input)
        }
      case .scorecard:
        let imp = try ScorecardImporter().importText(data, file: "fuzz.txt")
        // The tidy output must always be readable by the observations reader.
        let csv = ImportRenderer.observationsCSV(imp)
        do { _ = try ObservationReader.parse(text: csv, file: "observations.csv") } catch DataError.noDataRows {
          // Nothing numeric imported: the file is a header only, which the reader names as such.
        } catch {
          throw Failure(target: target, message: "observations.csv does not read back: \(error)", input: input)
        }
        _ = ImportRenderer.reportMarkdown(imp)
        _ = ImportRenderer.targetsCSV(imp)
        _ = ImportRenderer.comparatorsCSV(imp)
        _ = ImportRenderer.issuesCSV(imp)
        if executed % 8 == 0 { _ = try ImportRenderer.catalogueYAML(imp) }
        for v in imp.values where v.value.map({ !$0.isFinite }) ?? false {
          throw Failure(target: target, message: "non-finite value read", input: input)
        }
      case .catalogue:
        _ = try Catalogue.parse(data: data, file: "fuzz.yaml")
      case .scenarios:
        let doc = try ScenarioFile.parse(data: data, file: "fuzz.yaml")
        for s in doc.scenarios {
          for e in s.effects where !(1...120).contains(e.ramp) || (e.change.map { !$0.isFinite } ?? false) || (e.relative.map { !($0 > -1 && $0.isFinite) } ?? false) {
            throw Failure(target: target, message: "effect on \(e.indicator) accepted out of range", input: input)
          }
          for c in s.convergence where !(c.share >= 0 && c.share <= 1) {
            throw Failure(target: target, message: "convergence share \(c.share) accepted", input: input)
          }
        }
        for (_, line) in doc.indicatorLines where line < 1 {
          throw Failure(target: target, message: "indicator line \(line) < 1", input: input)
        }
      case .cell:
        let r = CellReading.read(String(decoding: input.prefix(600), as: UTF8.self))
        if r.kind == .pair && r.numbers.count != 2 || r.kind == .number && r.numbers.count != 1 {
          throw Failure(target: target, message: "cell reading \(r.kind) with \(r.numbers.count) numbers", input: input)
        }
      }
    } catch is DataError {
      dataErrors += 1
    }
  }

  /// Runs inputs round-robin over the targets until `deadline` or `limit` inputs.
  public mutating func fuzz(until deadline: Date, limit: Int = .max, targets: [Target] = Target.allCases,
                            progress: ((Int, Int) -> Void)? = nil) throws {
    var i = 0
    while i < limit && (i % 64 != 0 || Date() < deadline) {
      let input = nextInput(for: targets[i % targets.count])
      try run(input, on: targets[i % targets.count])
      i += 1
      if i % 20_000 == 0 { progress?(executed, dataErrors) }
    }
  }
}
