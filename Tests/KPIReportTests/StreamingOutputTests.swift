import Foundation
import Testing
@testable import KPIReport

/// Output written in parts: the parts in order once finished; an existing file untouched (and
/// no temporary file left) when the run stops before finishing.
@Suite struct StreamingOutputTests {
  @Test func partsAppearOnlyWhenFinished() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kpi-stream-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("out.csv").path
    try "old\n".write(toFile: path, atomically: true, encoding: .utf8)
    do {
      let out = try StreamingOutput(path: path)
      try out.append(chunks: [Array("a\n".utf8), Array("b\n".utf8)])
      // Dropped before finish (a failed run): the old file stays.
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.csv"])
    let out = try StreamingOutput(path: path)
    try out.append(chunks: [Array("a\n".utf8), Array("b\n".utf8)])
    try out.append(Array("c\n".utf8))
    try out.finish()
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "a\nb\nc\n")
    #expect(throws: OutputError.self) { try out.append(Array("d\n".utf8)) }
  }
}
