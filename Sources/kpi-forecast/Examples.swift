/// The worked examples that end every command's `--help`: each runs on the bundled data from
/// the repository root (a test runs them all).
enum Examples {
  /// `EXAMPLE:` lines for a command's discussion, after `lead` text if any.
  static func text(_ commands: [String], lead: String = "") -> String {
    (lead.isEmpty ? "" : lead + "\n\n") + "Example (from the repository root):\n" + commands.map { "  kpi-forecast \($0)" }.joined(separator: "\n")
  }
}
