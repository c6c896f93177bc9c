import Foundation
import Testing

/// The awkward-input corpus (notebooks-data/corpus, issue 13 item 7): every case of
/// `manifest.tsv` run through each command it names, with its exit code and message fragment.
@Suite struct CorpusTests {
  static let inputCommands = ["forecast", "year-end", "targets", "scenarios", "backtest", "report", "spc"]

  struct Case {
    var line: Int
    var commands: [String]
    var arguments: [String]
    var exit: Int32
    var fragment: String
  }

  static func cases() throws -> [Case] {
    let text = try String(contentsOfFile: repoFile("notebooks-data/corpus/manifest.tsv"), encoding: .utf8)
    var out = [Case]()
    for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.hasPrefix("#") && !line.isEmpty {
      let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard f.count >= 3, let code = Int32(f[2]) else { Issue.record("manifest line \(i + 1) is malformed: \(line)"); continue }
      let commands = f[0] == "input" ? inputCommands : f[0].split(separator: ",").map(String.init)
      out.append(Case(line: i + 1, commands: commands, arguments: f[1].split(separator: " ").map(String.init), exit: code,
                      fragment: f.count > 3 ? f[3] : ""))
    }
    return out
  }

  @Test func everyCaseGivesItsExitCodeAndMessage() throws {
    let corpus = repoFile("notebooks-data/corpus")
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("kpi-corpus-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: work) }
    let all = try Self.cases()
    #expect(all.count >= 60)
    var runs = 0
    for c in all {
      for command in c.commands {
        runs += 1
        let caseDir = "\(work)/\(c.line)-\(command)"
        try FileManager.default.createDirectory(atPath: caseDir, withIntermediateDirectories: true)
        let readonly = "\(caseDir)/readonly.csv"
        try "keep me\n".write(toFile: readonly, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: readonly)
        let plain = "\(caseDir)/plain.txt"
        try "a file\n".write(toFile: plain, atomically: true, encoding: .utf8)
        var stdin: String?
        var args = [command]
        for a in c.arguments {
          if a.hasPrefix("<@") { stdin = "\(corpus)/\(a.dropFirst(2))"; continue }
          var t = a.hasPrefix("@") ? "\(corpus)/\(a.dropFirst())" : a
          t = t.replacingOccurrences(of: "{readonly}", with: readonly).replacingOccurrences(of: "{nofolder}", with: "\(caseDir)/no-such-folder")
            .replacingOccurrences(of: "{file}", with: plain).replacingOccurrences(of: "{folder}", with: caseDir)
          args.append(t)
        }
        if command != "import" && command != "benchmark" && !c.arguments.contains("--catalogue") { args += ["--catalogue", "\(corpus)/catalogue"] }
        if command == "scenarios" && !c.arguments.contains("--scenarios") { args += ["--scenarios", "\(corpus)/scenarios/baseline-only.yaml"] }
        let r = try runCLI(args, cwd: caseDir, stdin: stdin)
        let first = r.err.split(separator: "\n").first.map(String.init) ?? ""
        let shown = first.replacingOccurrences(of: corpus + "/", with: "").replacingOccurrences(of: caseDir + "/", with: "")
          .replacingOccurrences(of: caseDir, with: "<tmp>")
        print("corpus \(c.line) \(command): exit \(r.code) | \(shown)")
        let label = "manifest line \(c.line), \(command) \(c.arguments.joined(separator: " "))"
        #expect(r.code == c.exit, "\(label): exit \(r.code), expected \(c.exit); stderr: \(r.err.prefix(400))")
        if c.fragment == "(silent)" {
          #expect(r.err.isEmpty, "\(label): expected no stderr, got \(r.err.prefix(400))")
        } else if !c.fragment.isEmpty {
          // Exit 0: a note may be in the table's own notes (standard output) or on standard error.
          let said = c.exit == 0 ? r.err + r.out : r.err
          #expect(said.contains(c.fragment), "\(label): output lacks '\(c.fragment)': \(r.err.prefix(600))")
        }
        // Nothing raw reaches the user.
        for raw in ["NSCocoaErrorDomain", "Error Domain", "DecodingError", "CodingKeys", "Fatal error", "Swift."] {
          #expect(!r.err.contains(raw), "\(label): raw error text '\(raw)': \(r.err.prefix(400))")
        }
        if c.exit == 0 { #expect(!r.out.isEmpty || args.contains("--output"), "\(label): no output") }
        if c.exit == 0 && r.out.isEmpty && !args.contains("--output") { print("corpus NO OUTPUT: \(label)") }
        // A read-only destination is left exactly as it was, mode included.
        let attrs = try FileManager.default.attributesOfItem(atPath: readonly)
        #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o444, "\(label): read-only file's mode changed")
        #expect(try String(contentsOfFile: readonly, encoding: .utf8) == "keep me\n", "\(label): read-only file changed")
        #expect(!FileManager.default.fileExists(atPath: "\(caseDir)/no-such-folder"), "\(label): a missing folder was created")
      }
    }
    #expect(runs >= 200)
  }
}
