/// A GitHub-flavoured Markdown table (pipes in cells escaped), for pasting into papers.
public struct MarkdownTable {
  public var header: [String]
  public var rows: [[String]]
  /// Columns aligned right (numbers).
  public var rightAligned: Set<Int>

  public init(header: [String], rows: [[String]], rightAligned: Set<Int> = []) {
    self.header = header
    self.rows = rows
    self.rightAligned = rightAligned
  }

  public func render() -> String {
    func line(_ cells: [String]) -> String {
      "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }.joined(separator: " | ") + " |"
    }
    var out = [line(header), "|" + header.indices.map { rightAligned.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|"]
    out += rows.map(line)
    return out.joined(separator: "\n") + "\n"
  }
}
