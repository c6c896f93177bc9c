import ArgumentParser
import Foundation
import KPIReport

/// The output wiring every command shares: `--format` (the command's own formats), `--output`,
/// `--quiet` and `--progress`. One place writes the result and the notes.
struct OutputOptions<Format: FormatChoice>: ParsableArguments {
  @Option(help: "Output format.")
  var format: Format = Format.standard

  @Option(help: "Write to this file (atomically) instead of standard output; its folder must exist, and a read-only file is refused and left as it is.")
  var output: String?

  @Flag(help: "No notes on standard error (errors are still printed).")
  var quiet = false

  @Flag(help: "Progress on standard error even when it is not a terminal (it is shown on a terminal anyway).")
  var progress = false

  /// Starts the run's console (notes and progress); call `finish()` on it at the end.
  func console() -> Console { Console(quiet: quiet, progress: progress) }

  /// Writes the result (refusing a read-only or folder-less destination before any work is lost).
  func write(_ text: String) throws { try OutputWriter.write(text, to: output) }

  /// Writes text already encoded in parts (the CSV writer's chunks) without joining them.
  func write(chunks: [[UInt8]]) throws { try OutputWriter.write(chunks: chunks, to: output) }

  /// An output written in parts as they are made (renamed into place when finished).
  func stream() throws -> StreamingOutput { try StreamingOutput(path: output) }

  /// Checks the destination before the work starts.
  func checkDestination() throws { try OutputWriter.checkDestination(output) }
}
