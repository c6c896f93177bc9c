import Foundation

/// Paths for tests: the repository root (from this file's path) and the shared data folder
/// `<repo>/../shared` (in a git worktree: the main checkout's `../shared`).
enum TestPaths {
  static let repoRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static var shared: URL {
    let direct = repoRoot.deletingLastPathComponent().appendingPathComponent("shared")
    if FileManager.default.fileExists(atPath: direct.path) { return direct }
    // A worktree's .git is a file "gitdir: <main>/.git/worktrees/<name>".
    if let text = try? String(contentsOf: repoRoot.appendingPathComponent(".git"), encoding: .utf8),
       let r = text.range(of: "gitdir: ") {
      let gitdir = URL(fileURLWithPath: text[r.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines))
      let main = gitdir.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      return main.deletingLastPathComponent().appendingPathComponent("shared")
    }
    return direct
  }

  static var seeds: URL { shared.appendingPathComponent("seeds") }
  static var dfe: URL { shared.appendingPathComponent("data/dfe") }
  static var models: String { repoRoot.appendingPathComponent("models").path }

  /// The five seed files, sorted.
  static func seedFiles() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasSuffix(".txt") && $0.first?.isNumber == true }.sorted()
      .map { seeds.appendingPathComponent($0).path }
  }

  static func tempDir() throws -> String {
    let d = FileManager.default.temporaryDirectory.appendingPathComponent("kpi-data-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
    return d.path
  }
}
