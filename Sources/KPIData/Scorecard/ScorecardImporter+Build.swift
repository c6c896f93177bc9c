import Foundation

extension ScorecardImporter {
  /// Settles ids, units, pairs and polarity, and turns readings into values and issues.
  func build(_ rows: [PendingRow]) -> (indicators: [ScorecardIndicator], values: [ScorecardValue], issues: [ImportIssue]) {
    // Catalogue lookup by id, title and aliases.
    var byKey = [String: CatalogueEntry]()
    for e in catalogue.entries.values.sorted(by: { $0.id < $1.id }) {
      byKey[IndicatorNaming.matchKey(e.title)] = byKey[IndicatorNaming.matchKey(e.title)] ?? e
      for a in e.aliases ?? [] { byKey[IndicatorNaming.matchKey(a)] = e }
    }
    // Group rows by title.
    var groups = [String: [PendingRow]]()
    var order = [String]()
    for r in rows {
      // Rows printed under different titles that the catalogue knows as one KPI are one group.
      let t = IndicatorNaming.matchKey(r.title)
      let k = byKey[t].map { "id:\($0.id)" } ?? t
      if groups[k] == nil { order.append(k) }
      groups[k, default: []].append(r)
    }
    var usedIds = Set<String>()
    var indicators = [ScorecardIndicator]()
    var values = [ScorecardValue]()
    var issues = [ImportIssue]()
    var seen = [String: (InputLocation, Double)]()
    for k in order {
      guard let group = groups[k], let first = group.first else { continue }
      let entry = byKey[IndicatorNaming.matchKey(first.title)]
      var id = entry?.id ?? IndicatorNaming.slug(first.title)
      if entry == nil {
        var n = 2
        let base = id
        while usedIds.contains(id) || catalogue[id] != nil { id = "\(base)-\(n)"; n += 1 }
      }
      usedIds.insert(id)
      let allCells = group.flatMap(\.cells)
      let pairCells = allCells.filter { $0.reading.kind == .pair }
      // Primary unit: catalogue, else title, else the % signs of the numbers.
      let mainNumbers = allCells.compactMap { $0.reading.numbers.first }
      var unit = entry?.unit ?? IndicatorNaming.unit(fromTitle: first.title)
        ?? (mainNumbers.contains(where: \.percentSign) ? .percent : .number)
      if entry == nil, unit == .count, !pairCells.isEmpty, pairCells.allSatisfy({ $0.reading.numbers[0].percentSign }) { unit = .percent }
      var secondaryUnit: KPIUnit?
      if !pairCells.isEmpty {
        secondaryUnit = IndicatorNaming.secondary(fromTitle: first.title)
          ?? (pairCells.contains { $0.reading.numbers[1].percentSign } ? .percent : (unit == .count ? .rate : .count))
        if pairCells.contains(where: { $0.reading.numbers[1].percentSign }) && secondaryUnit != .count { secondaryUnit = .percent }
      }
      // The bracketed series' id: a catalogue entry `paired_with` this one, else id + suffix.
      let pairedEntry = entry == nil ? nil : catalogue.entries.values.filter { $0.pairedWith == id }.sorted { $0.id < $1.id }.first
      let secondaryId = secondaryUnit.map { pairedEntry?.id ?? "\(id)-\(IndicatorNaming.suffix(for: $0, title: first.title))" }
      if let s = secondaryId { usedIds.insert(s) }
      let secondaryEntry = secondaryId.flatMap { catalogue[$0] }
      if let e = secondaryEntry { secondaryUnit = e.unit }
      // A percent series with numbers outside 0–100 is a plain number (e.g. a percentage change).
      if entry == nil, unit == .percent {
        let outside = allCells.filter { $0.role != .comparator }.compactMap { $0.reading.numbers.first?.value }.filter { $0 < 0 || $0 > 100 }
        if let v = outside.first {
          unit = .number
          issues.append(ImportIssue(severity: .note, location: InputLocation(file: first.file, row: first.line), indicator: id, text: "\(v)",
                                    reason: "a value outside 0–100, so the unit is read as a plain number, not a percent"))
        }
      }
      var ind = ScorecardIndicator(id: id, title: entry?.title ?? first.title, unit: unit,
                                   frequency: entry?.frequency ?? .quarterly, source: InputLocation(file: first.file, row: first.line))
      ind.ref = group.compactMap(\.ref).first
      ind.inCatalogue = entry != nil
      ind.definition = entry?.definition ?? group.compactMap(\.definition).first
      ind.section = group.compactMap(\.section).first
      ind.basis = entry?.basis ?? group.compactMap(\.basis).first
      ind.commentary = group.flatMap { r in r.commentary.map { "\($0.0): \($0.1)" } }
      if let p = entry?.polarity {
        ind.polarity = p
        ind.polaritySource = "catalogue"
      } else if let p = group.compactMap(\.polarity).first {
        ind.polarity = p
        ind.polaritySource = "published"
      } else if let p = inferPolarity(allCells) {
        ind.polarity = p
        ind.polaritySource = "inferred from target and intervention level"
      }
      var secondary: ScorecardIndicator?
      if let sid = secondaryId, let su = secondaryUnit {
        var s = ScorecardIndicator(id: sid, title: secondaryEntry?.title ?? "\(first.title) — bracketed \(su.rawValue)", unit: su,
                                   frequency: ind.frequency, source: ind.source)
        s.pairedWith = id
        s.inCatalogue = secondaryEntry != nil
        s.polarity = secondaryEntry?.polarity ?? ind.polarity
        s.polaritySource = secondaryEntry != nil ? "catalogue" : ind.polaritySource.map { "as \(id): \($0)" }
        s.basis = secondaryEntry?.basis ?? ind.basis
        s.section = ind.section
        s.definition = secondaryEntry?.definition ?? ind.definition
        secondary = s
      }
      for (cellFile, c) in group.flatMap({ r in r.cells.map { (r.file, $0) } }) {
        let loc = InputLocation(file: cellFile, row: c.line, column: c.header)
        // Which series a single number belongs to when the row holds a count and a rate.
        var target = (id, unit)
        if let sid = secondaryId, let su = secondaryUnit, c.reading.kind == .number, let n = c.reading.numbers.first {
          let toSecondary = (n.percentSign && su == .percent && unit != .percent)
            || (c.role != .outturn && unit == .count && su != .count)
          if toSecondary { target = (sid, su) }
        }
        func add(_ indicator: String, _ u: KPIUnit, _ v: Double?, note: String? = nil, missing: String? = nil) {
          let key = "\(indicator)|\(c.role.rawValue)|\(c.geography ?? "")|\(c.period)"
          if let x = v, let prev = seen[key] {
            let same = prev.1 == x
            issues.append(ImportIssue(severity: .note, location: loc, indicator: indicator, text: c.text,
                                      reason: "a second \(c.role.rawValue) for \(c.period) (first at \(ImportRenderer.source(prev.0)): "
                                        + (same ? "the same value)" : "\(NumberText.plain(prev.1)), which is kept)")))
            return
          }
          if let x = v { seen[key] = (loc, x) }
          values.append(ScorecardValue(indicator: indicator, role: c.role, period: c.period, value: v, geography: c.geography, unit: u,
                                       status: c.reading.status, note: note, missingReason: missing, source: loc, text: c.text))
        }
        switch c.reading.kind {
        case .number:
          let n = c.reading.numbers[0]
          add(target.0, target.1, n.value, note: c.reading.note)
          if let note = c.reading.note {
            issues.append(ImportIssue(severity: .note, location: loc, indicator: target.0, text: c.text, reason: "read \(fmt(n.value)); aside kept as a note: \(note)"))
          }
          if c.reading.status != nil {
            issues.append(ImportIssue(severity: .note, location: loc, indicator: target.0, text: c.text, reason: "read \(fmt(n.value)) with status provisional"))
          }
          if c.role == .target, let note = c.reading.note, let geo = comparatorNamed(in: note) {
            // A target set as a comparator ("83% - National average") also records that comparator.
            var period = c.period
            if let y = yearIn(note) { period = Period(year: y, month: 3) }
            values.append(ScorecardValue(indicator: target.0, role: .comparator, period: period, value: n.value, geography: geo, unit: target.1,
                                         note: "from the target: \(note)", source: loc, text: c.text))
          }
        case .pair:
          add(id, unit, c.reading.numbers[0].value)
          add(secondaryId ?? id, secondaryUnit ?? unit, c.reading.numbers[1].value, note: "bracketed value")
        case .missing:
          add(target.0, target.1, nil, missing: c.reading.reason)
          issues.append(ImportIssue(severity: .missing, location: loc, indicator: target.0, text: c.text, reason: "missing: \(c.reading.reason ?? "empty")"))
        case .directional:
          add(target.0, target.1, nil, note: c.reading.reason, missing: "a target written as words")
          issues.append(ImportIssue(severity: c.role == .target ? .note : .unreadable, location: loc, indicator: target.0, text: c.text,
                                    reason: c.role == .target ? "a directional target (no number): \(c.reading.reason ?? "")"
                                      : "words where a number was expected"))
        case .unreadable:
          add(target.0, target.1, nil, missing: "unreadable")
          issues.append(ImportIssue(severity: .unreadable, location: loc, indicator: target.0, text: c.text,
                                    reason: c.reading.reason ?? "not a number or a known missing marker"))
        }
      }
      indicators.append(ind)
      if let s = secondary { indicators.append(s) }
    }
    return (indicators, values, issues)
  }

  /// Bigger is better when the intervention level sits below the target; smaller when above.
  func inferPolarity(_ cells: [PendingCell]) -> Polarity? {
    var targets = [Period: Double](), levels = [Period: Double]()
    for c in cells where c.reading.kind == .number {
      if c.role == .target { targets[c.period] = c.reading.numbers[0].value }
      if c.role == .interventionLevel { levels[c.period] = c.reading.numbers[0].value }
    }
    for p in targets.keys.sorted() {
      guard let t = targets[p], let l = levels[p], t != l else { continue }
      return l < t ? .bigger : .smaller
    }
    return nil
  }

  /// `National average` → England; `South West average` (or any region) → South West.
  func comparatorNamed(in note: String) -> String? {
    let l = note.lowercased()
    guard l.contains("average") || l.contains("comparator") || l.contains("neighbour") else { return nil }
    if l.contains("national") || l.contains("england") { return "England" }
    if l.contains("neighbour") { return "Statistical neighbours" }
    // Any English region (GeographyKind's list), named as DfE writes it: `South West`.
    if let region = GeographyKind.regions.filter({ l.contains($0) }).max(by: { $0.count < $1.count }) {
      return region.split(separator: " ").map { ["and", "the", "of"].contains($0) ? String($0) : $0.prefix(1).uppercased() + $0.dropFirst() }
        .joined(separator: " ")
    }
    let name = note.components(separatedBy: CharacterSet.decimalDigits).first ?? note
    return ScorecardHeader.comparatorName(name.replacingOccurrences(of: "/", with: " ").trimmingCharacters(in: .whitespaces))
  }

  /// The financial year a note names (`national average 2017/18` → 2018).
  func yearIn(_ note: String) -> Int? {
    for w in note.split(separator: " ") {
      if let p = Period.parse(String(w)), p.impliedFrequency == .annual, w.contains("/") { return p.period.year }
    }
    return nil
  }

  func fmt(_ v: Double) -> String { NumberText.plain(v) }
}

