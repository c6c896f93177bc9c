import Foundation
import KPIData
import KPIFuzz

// kpi-fuzz: drives the CSV reader, tidy observations reader, scorecard importer, catalogue
// loader and scenario-file reader with random and mutated inputs (see docs/IMPORT.md, "Fuzzing").
//   swift run -c release kpi-fuzz [--seconds 600] [--seed 1] [--corpus DIR]... [--target scorecard]...
// Exit 0 when every input ended in a value or a DataError; 1 with the failing input saved to
// fuzz-failure-<seed>.bin otherwise. A crash (trap) saves the input to fuzz-crash.bin first.

var seconds = 60.0
var seed: UInt64 = 1
var corpusDirs = [String]()
var targets = [FuzzEngine.Target]()
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
  switch a {
  case "--seconds": seconds = Double(args.popFirst() ?? "") ?? seconds
  case "--seed": seed = UInt64(args.popFirst() ?? "") ?? seed
  case "--corpus": if let d = args.popFirst() { corpusDirs.append(d) }
  case "--target": if let t = args.popFirst().flatMap(FuzzEngine.Target.init(rawValue:)) { targets.append(t) }
  default:
    FileHandle.standardError.write(Data("usage: kpi-fuzz [--seconds S] [--seed N] [--corpus DIR]... [--target csv|observations|scorecard|catalogue|cell|scenarios]...\n".utf8))
    exit(2)
  }
}
if corpusDirs.isEmpty {
  let here = FileManager.default.currentDirectoryPath
  corpusDirs = ["\(here)/../shared/seeds", "\(here)/models", "\(here)/notebooks-data", "\(here)/notebooks-data/corpus",
                "\(here)/notebooks-data/corpus/scenarios", "\(here)/notebooks-data/corpus/catalogue"]
}
var corpus = [[UInt8]]()
for d in corpusDirs {
  for f in ((try? FileManager.default.contentsOfDirectory(atPath: d)) ?? []).sorted() {
    if let data = FileManager.default.contents(atPath: "\(d)/\(f)"), data.count < 1 << 20 { corpus.append([UInt8](data)) }
  }
}
FileHandle.standardError.write(Data("kpi-fuzz: \(corpus.count) corpus files, seed \(seed), \(Int(seconds)) s\n".utf8))

// Save the input being run when the process traps.
for sig in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE] {
  signal(sig) { s in
    let path = "fuzz-crash.bin"
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    if fd >= 0 {
      FuzzEngine.current.withUnsafeBytes { _ = write(fd, $0.baseAddress, $0.count) }
      close(fd)
    }
    let msg = "kpi-fuzz: crashed (signal \(s)); input saved to fuzz-crash.bin\n"
    _ = msg.withCString { write(2, $0, strlen($0)) }
    _exit(3)
  }
}

var engine = FuzzEngine(corpus: corpus, seed: seed)
let start = Date()
do {
  try engine.fuzz(until: start.addingTimeInterval(seconds), targets: targets.isEmpty ? FuzzEngine.Target.allCases : targets) { n, errs in
    let t = Date().timeIntervalSince(start)
    FileHandle.standardError.write(Data("kpi-fuzz: \(n) inputs in \(Int(t)) s (\(Int(Double(n) / max(t, 0.001)))/s), \(errs) data errors\n".utf8))
  }
} catch let f as FuzzEngine.Failure {
  let path = "fuzz-failure-\(seed).bin"
  _ = FileManager.default.createFile(atPath: path, contents: Data(f.input))
  FileHandle.standardError.write(Data("kpi-fuzz: FAILURE \(f); input saved to \(path)\n".utf8))
  exit(1)
}
let t = Date().timeIntervalSince(start)
print("kpi-fuzz: \(engine.executed) inputs in \(String(format: "%.0f", t)) s, \(engine.dataErrors) ended in a DataError, no crash, no broken property")
