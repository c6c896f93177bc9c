import Foundation

/// Reads wide scorecard exports (DESIGN §2–3) into tidy values, indicators and an issue list.
///
/// Tables are found by their header rows (a row with two or more period columns, e.g.
/// `Q1 Target 2022/23`, `Q2 2019/20`, `Mar-23`, `Target Mar-24`); each header holds until the
/// next one, so headers repeated mid-file and tables of different shapes in one file are read.
/// Within a table: section rows (`CHILDREN IN CARE: VOLUME`) name the section, rows with no
/// label whose only text is in commentary columns continue the row above (cells wrapped onto
/// a continuation line), separator rows (`---`) are skipped, and a number under a column with
/// no header is moved one place left when that header's cell is empty (a row one cell out of
/// line). Exception reports (`Indicator Description: … outturn: … Quarterly Target: …`) are
/// read by `ExceptionReportReader`. Every value cell ends as a value, or as an `ImportIssue`
/// saying why not.
public struct ScorecardImporter: Sendable {
  public var catalogue: Catalogue

  public init(catalogue: Catalogue = Catalogue()) { self.catalogue = catalogue }

  /// One value-column cell of a data row.
  struct PendingCell {
    var column: Int
    var header: String
    var role: ScorecardRole
    var period: Period
    var geography: String?
    var text: String
    var reading: CellReading
    var line: Int
  }

  /// A data row (or an exception report block) before ids and units are settled.
  struct PendingRow {
    var file: String
    var line: Int
    var title: String
    var ref: String?
    var section: String?
    var polarity: Polarity?
    var basis: ReportingBasis?
    var definition: String?
    var commentary: [(String, String)] = []
    var cells: [PendingCell] = []
  }

  /// Imports several files as one set (an indicator printed in two files is one indicator).
  public func importFiles(_ paths: [String], maximumBytes: Int = ScorecardText.defaultMaximumBytes) throws -> ScorecardImport {
    var rows = [PendingRow]()
    var result = ScorecardImport()
    for path in paths {
      let text = try ScorecardText.read(path: path, maximumBytes: maximumBytes)
      let (r, partial) = readRows(text, file: InputFile.displayName(path))
      rows += r
      result.append(partial)
    }
    let built = build(rows)
    result.indicators = built.indicators
    result.values = built.values
    result.issues += built.issues
    return result
  }

  /// Imports text (tests, fuzzing).
  public func importText(_ data: Data, file: String = "<input>") throws -> ScorecardImport {
    let text = try ScorecardText.parse(data: data, file: file)
    let (rows, partial) = readRows(text, file: file)
    var result = partial
    let built = build(rows)
    result.indicators = built.indicators
    result.values = built.values
    result.issues += built.issues
    return result
  }

  // MARK: - Rows

  func readRows(_ text: ScorecardText, file: String) -> ([PendingRow], ScorecardImport) {
    var result = ScorecardImport(files: [file])
    for n in text.notes { result.issues.append(ImportIssue(severity: .note, location: InputLocation(file: file), text: "", reason: n)) }
    var counts = CellCounts()
    var rows = [PendingRow]()
    var header: ScorecardHeader?
    var section: String?
    for row in text.rows {
      if let h = ScorecardHeader.parse(row.cells, line: row.line) {
        if header?.columns != h.columns || header == nil {
          result.layouts.append("\(file) line \(row.line): table — \(h.layoutDescription)")
        }
        header = h
        if let s = h.section { section = s }
        continue
      }
      guard let h = header else {
        // Before the first table: a short line alone may head the table that follows.
        if row.cells.count == 1, row.cells[0].split(separator: " ").count <= 6 { section = FastText.trim(row.cells[0]) }
        continue
      }
      let cells = row.cells.map(FastText.trim)
      if cells.allSatisfy({ $0.allSatisfy { "-=_ ".contains($0) } }) { continue }
      guard let firstValue = h.firstValueColumn else { continue }
      func cell(_ i: Int) -> String { i < cells.count ? cells[i] : "" }
      func column(_ i: Int) -> ScorecardColumn { i < h.columns.count ? h.columns[i] : .unnamed }
      // Label: the cells left of the first value column that are not polarity or basis.
      var ref: String?
      var titleParts = [String]()
      for i in 0..<min(firstValue, max(cells.count, 1)) {
        switch column(i) {
        case .polarity, .basis, .definition, .value, .comparator: continue
        case .text(let t) where ScorecardHeader.isCommentary(t): continue
        default:
          let c = cell(i)
          if c.isEmpty { continue }
          if ref == nil, titleParts.isEmpty, isRef(c) { ref = c } else { titleParts.append(c) }
        }
      }
      let title = titleParts.joined(separator: " ")
      let valueIdx = h.columns.indices.filter { if case .value = h.columns[$0] { return true }; if case .comparator = h.columns[$0] { return true }; return false }
      let anyValue = valueIdx.contains { !cell($0).isEmpty }
      let nonEmpty = cells.indices.filter { !cell($0).isEmpty }
      if title.isEmpty && ref == nil {
        // Continuation line: text in commentary columns only.
        if !anyValue, let last = rows.indices.last, rows[last].file == file {
          for i in nonEmpty { rows[last].commentary.append((h.names.indices.contains(i) ? h.names[i] : "column \(i + 1)", cell(i))) }
          continue
        }
        if anyValue {
          for i in valueIdx where !cell(i).isEmpty {
            counts.unreadable += 1
            result.issues.append(ImportIssue(severity: .unreadable, location: InputLocation(file: file, row: row.line, column: name(h, i)),
                                             text: cell(i), reason: "a value with no indicator name on its row"))
          }
        }
        continue
      }
      if !anyValue && ["key performance indicator", "measure", "indicator", "kpi"].contains(title.lowercased()) { continue }
      if ref == nil && !anyValue && isSection(title, cellCount: nonEmpty.count, rawCount: cells.count) {
        section = title
        continue
      }
      var pending = PendingRow(file: file, line: row.line, title: title, ref: ref, section: section)
      var moved = [Int: Int]()  // target column ← unnamed column holding its number
      for (i, c) in h.columns.enumerated() where i > firstValue {
        guard c == .unnamed, !cell(i).isEmpty else { continue }
        let reading = CellReading.read(cell(i))
        guard reading.kind == .number || reading.kind == .pair else { continue }
        var k = i - 1
        while k >= 0, column(k) == .unnamed, cell(k).isEmpty { k -= 1 }
        if k >= 0, valueIdx.contains(k), cell(k).isEmpty { moved[k] = i }
      }
      for i in h.columns.indices {
        let c = column(i)
        switch c {
        case .polarity: pending.polarity = ObservationReader.parsePolarity(cell(i))
        case .basis: pending.basis = ReportingBasis.parse(cell(i))
        case .definition: if !cell(i).isEmpty { pending.definition = cell(i) }
        case .text(let t):
          if !cell(i).isEmpty, i >= firstValue || ScorecardHeader.isCommentary(t) { pending.commentary.append((t, cell(i))) }
        case .unnamed:
          guard i > firstValue, !cell(i).isEmpty, !moved.values.contains(i) else { continue }
          let reading = CellReading.read(cell(i))
          let loc = InputLocation(file: file, row: row.line, column: "column \(i + 1) (no header)")
          if reading.kind == .number || reading.kind == .pair {
            counts.unreadable += 1
            result.issues.append(ImportIssue(severity: .unreadable, location: loc, indicator: title, text: cell(i),
                                             reason: "a number under a column with no header"))
          } else {
            result.issues.append(ImportIssue(severity: .note, location: loc, indicator: title, text: cell(i),
                                             reason: "text under a column with no header (a status symbol); not a value"))
          }
        case .value(let role, let period, let label):
          let src = moved[i] ?? i
          let t = cell(src)
          let reading = CellReading.read(t)
          tally(reading, into: &counts)
          if src != i {
            result.issues.append(ImportIssue(severity: .note, location: InputLocation(file: file, row: row.line, column: label), indicator: title,
              text: t, reason: "moved from column \(src + 1), which has no header: the row is out of line with its header"))
          }
          pending.cells.append(PendingCell(column: i, header: label, role: role, period: period, text: t, reading: reading, line: row.line))
        case .comparator(let name, let label):
          let t = cell(i)
          let reading = CellReading.read(t)
          tally(reading, into: &counts)
          let period = h.latestPeriod.map { Period(year: $0.financialYearEnd, month: 3) } ?? Period(year: 0, month: 3)
          pending.cells.append(PendingCell(column: i, header: label, role: .comparator, period: period, geography: name, text: t,
                                           reading: reading, line: row.line))
        case .label: continue
        }
      }
      // Cells beyond the header.
      if cells.count > h.columns.count {
        for i in h.columns.count..<cells.count where !cell(i).isEmpty {
          let reading = CellReading.read(cell(i))
          if reading.kind == .number || reading.kind == .pair {
            counts.unreadable += 1
            result.issues.append(ImportIssue(severity: .unreadable, location: InputLocation(file: file, row: row.line, column: "column \(i + 1)"),
                                             indicator: title, text: cell(i), reason: "a number beyond the header's last column"))
          }
        }
      }
      rows.append(pending)
    }
    let exceptions = ExceptionReportReader.read(text, file: file)
    for r in exceptions.rows {
      for c in r.cells { tally(c.reading, into: &counts) }
    }
    rows += exceptions.rows
    result.layouts += exceptions.layouts
    if result.layouts.isEmpty {
      result.layouts.append("\(file): no scorecard table or exception report found (\(text.rows.count) lines of prose)")
    }
    result.cellCounts[file] = counts
    return (rows, result)
  }

  func name(_ h: ScorecardHeader, _ i: Int) -> String { h.names.indices.contains(i) && !h.names[i].isEmpty ? h.names[i] : "column \(i + 1)" }

  func tally(_ r: CellReading, into c: inout CellCounts) {
    switch r.kind {
    case .number: c.numbers += 1
    case .pair: c.pairs += 1
    case .missing: c.missing += 1
    case .directional: c.directional += 1
    case .unreadable: c.unreadable += 1
    }
  }

  /// `1.1`, `14`, `14)`, `2.`: a scorecard's own KPI number.
  func isRef(_ s: String) -> Bool {
    guard s.count <= 8, let f = s.first, f.isNumber else { return false }
    var t = Substring(s)
    if t.hasSuffix(")") || t.hasSuffix(".") { t = t.dropLast() }
    return !t.isEmpty && t.allSatisfy { $0.isNumber || $0 == "." } && !t.hasSuffix(".")
  }

  /// A label-only row is a section when it stands alone on its line, is in capitals, or is a
  /// short heading (≤ 4 words) that does not read like a KPI.
  func isSection(_ title: String, cellCount: Int, rawCount: Int) -> Bool {
    if rawCount == 1 { return true }
    let letters = title.filter(\.isLetter)
    if !letters.isEmpty && letters.allSatisfy(\.isUppercase) { return true }
    let words = title.split(separator: " ")
    let l = title.lowercased()
    let kpiStart = ["%", "number", "percentage", "proportion", "rate", "average", "timeliness"].contains { l.hasPrefix($0) }
    return cellCount == 1 && words.count <= 4 && !kpiStart && !title.contains(":")
  }
}
