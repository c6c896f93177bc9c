import Foundation

/// Reads exception reports (seed 004): blocks of `Indicator Description: 14) Timeliness …`,
/// `2019/20 Q2 outturn: 65.9%`, `Quarterly Target: 83% - National average`, `Reason for level of
/// performance: …`, with labels and values on one line, split by tabs, or run together with
/// `**` markup and values on the following line.
enum ExceptionReportReader {
  struct Token {
    var text: String
    var line: Int
  }

  enum Label {
    case indicator, outturn(Period), target, commentary(String)
  }

  static func read(_ text: ScorecardText, file: String) -> (rows: [ScorecardImporter.PendingRow], layouts: [String]) {
    let lower = text.text.lowercased()
    guard lower.contains("outturn"), lower.contains("indicator description") else { return ([], []) }
    var tokens = [Token]()
    var line = 0
    for l in ScorecardText.lines(text.text) {
      line += 1
      for piece in l.components(separatedBy: "\t").flatMap({ $0.components(separatedBy: "**") }) {
        let t = FastText.trim(piece)
        if !t.isEmpty { tokens.append(Token(text: t, line: line)) }
      }
    }
    var rows = [ScorecardImporter.PendingRow]()
    var current: ScorecardImporter.PendingRow?
    var pendingPeriod: Period?
    var i = 0
    var firstLine: Int?
    func valueAfter(_ rest: String, at index: inout Int) -> (String, Int) {
      if !rest.isEmpty { return (rest, tokens[index].line) }
      if index + 1 < tokens.count, label(tokens[index + 1].text) == nil {
        index += 1
        return (tokens[index].text, tokens[index].line)
      }
      return ("", tokens[index].line)
    }
    while i < tokens.count {
      let tok = tokens[i]
      guard let (lab, rest) = label(tok.text) else {
        i += 1
        continue
      }
      switch lab {
      case .indicator:
        if let c = current { rows.append(c) }
        var idx = i
        let (t, l) = valueAfter(rest, at: &idx)
        i = idx
        var title = t
        var ref: String?
        if let close = t.firstIndex(of: ")"), t[t.startIndex..<close].allSatisfy(\.isNumber), t.startIndex != close {
          ref = String(t[t.startIndex..<close])
          title = t[t.index(after: close)...].trimmingCharacters(in: .whitespaces)
        }
        if firstLine == nil { firstLine = l }
        current = ScorecardImporter.PendingRow(file: file, line: l, title: title.isEmpty ? "Exception report at line \(l)" : title, ref: ref,
                                               section: "Exception report")
        pendingPeriod = nil
      case .outturn(let p):
        var idx = i
        let (v, l) = valueAfter(rest, at: &idx)
        i = idx
        pendingPeriod = p
        current?.cells.append(ScorecardImporter.PendingCell(column: 0, header: "\(p.financialYearLabel) Q\(p.financialQuarter) outturn", role: .outturn,
                                                             period: p, text: v, reading: CellReading.read(v), line: l))
      case .target:
        var idx = i
        let (v, l) = valueAfter(rest, at: &idx)
        i = idx
        if let p = pendingPeriod {
          current?.cells.append(ScorecardImporter.PendingCell(column: 1, header: "Quarterly Target", role: .target, period: p, text: v,
                                                               reading: CellReading.read(v), line: l))
        }
      case .commentary(let name):
        var parts = rest.isEmpty ? [] : [rest]
        while i + 1 < tokens.count, label(tokens[i + 1].text) == nil {
          i += 1
          parts.append(tokens[i].text)
        }
        if !parts.isEmpty { current?.commentary.append((name, parts.joined(separator: " "))) }
      }
      i += 1
    }
    if let c = current { rows.append(c) }
    let layouts = rows.isEmpty ? [] : ["\(file) line \(firstLine ?? 1): exception report — \(rows.count) indicator(s), outturn and target per block"]
    return (rows, layouts)
  }

  /// Recognises a label at the start of a token and returns what follows it.
  static func label(_ t: String) -> (Label, String)? {
    let l = t.lowercased()
    func rest(after prefix: String) -> String {
      var r = Substring(t.dropFirst(prefix.count))
      while let c = r.first, c == ":" || c == " " || c == "-" { r = r.dropFirst() }
      return String(r)
    }
    if l.hasPrefix("indicator description") { return (.indicator, rest(after: "indicator description")) }
    if let range = t.range(of: "outturn", options: .caseInsensitive) {
      let before = t[t.startIndex..<range.lowerBound].trimmingCharacters(in: .whitespaces)
      if let p = Period.parse(before) {
        var r = t[range.upperBound...]
        while let c = r.first, c == ":" || c == " " { r = r.dropFirst() }
        return (.outturn(p.period), String(r))
      }
    }
    for p in ["quarterly target", "annual target", "target"] where l.hasPrefix(p) { return (.target, rest(after: p)) }
    for p in ["reason for level of performance", "actions taken or planned to improve performance", "actions taken or planned",
              "completed by", "service unit"] where l.hasPrefix(p) {
      return (.commentary(String(t.prefix(p.count))), rest(after: p))
    }
    return nil
  }
}
