/// The rows of one part of an observations file, parsed on its own (parts run on all cores):
/// series and details are indexed in tables local to the part, and parsing stops at the
/// part's first bad row, whose error is kept. ``ObservationReader`` merges parts in file order.
struct ObservationPart: Sendable {
  var rows = [ObservationRow]()
  var seriesNames = [ObservationSeriesName]()
  var details = [ObservationDetail]()
  /// Records read, including a bad one.
  var dataRows = 0
  /// The part's first bad row, after ``rows``.
  var error: DataError?

  init() {}

  /// Parses records (none of them the header).
  init(records: some Sequence<CSVReader.Record>, columns c: ObservationColumns, file: String) {
    do throws(DataError) { try parse(records, c, file) } catch { self.error = error }
  }

  private mutating func parse(_ records: some Sequence<CSVReader.Record>, _ c: ObservationColumns, _ file: String) throws(DataError) {
    let names = c.names
    var seriesIndex = [ObservationSeriesName: UInt32]()
    var detailIndex = [ObservationDetail: UInt32]()
    var lastSeries: UInt32?, lastDetail: UInt32?
    var lastUnit: (text: String, unit: KPIUnit)?, lastPolarity: (text: String, polarity: Polarity)?
    for rec in records {
      dataRows += 1
      let f = rec.fields
      if f.count != names.count {
        // A trailing empty field from a trailing delimiter is tolerated; anything else is an error.
        if !(f.count == names.count + 1 && f.last == "") {
          throw DataError.wrongFieldCount(file: file, row: rec.line, expected: names.count, found: f.count)
        }
      }
      func cell(_ i: Int) -> String { ObservationReader.trimmed(f[i]) }
      func loc(_ i: Int) -> InputLocation { InputLocation(file: file, row: rec.line, column: names[i]) }
      let indicator = cell(c.indicator)
      if indicator.isEmpty { throw DataError.emptyField(loc(c.indicator)) }
      let pText = cell(c.period)
      guard let parsed = Period.parse(pText) else { throw DataError.unparsablePeriod(loc(c.period), text: pText) }
      let vText = cell(c.value)
      let value: Double?
      var missingText: String?
      if vText.isEmpty || ObservationReader.isMissingMarker(vText) {
        value = nil
        if !vText.isEmpty { missingText = vText }
      } else {
        guard let v = ObservationReader.parseNumber(vText) else { throw DataError.unparsableValue(loc(c.value), text: vText) }
        value = v
      }
      // Unit and polarity: the previous row's reading when the cell's text is the same.
      var unit: KPIUnit?
      if let i = c.unit, !cell(i).isEmpty {
        let text = cell(i)
        if let last = lastUnit, last.text == text { unit = last.unit } else {
          guard let u = KPIUnit(rawValue: text.lowercased()) else {
            throw DataError.invalid(loc(i), message: "'\(text)' is not a unit; use percent, count, rate, days or number")
          }
          unit = u
          lastUnit = (text, u)
        }
      }
      var polarity: Polarity?
      if let i = c.polarity, !cell(i).isEmpty {
        let text = cell(i)
        if let last = lastPolarity, last.text == text { polarity = last.polarity } else {
          guard let p = ObservationReader.parsePolarity(text) else {
            throw DataError.invalid(loc(i), message: "'\(text)' is not a polarity; use bigger, smaller or plan")
          }
          polarity = p
          lastPolarity = (text, p)
        }
      }
      guard let line = UInt32(exactly: rec.line) else {
        throw DataError.invalid(InputLocation(file: file, row: rec.line), message: "more than \(UInt32.max) lines; split the file")
      }
      let geo = c.geography.map(cell).flatMap { $0.isEmpty ? nil : $0 }
      // The series: the previous row's when the names match (files keep a series together).
      let series: UInt32
      if let s = lastSeries, seriesNames[Int(s)].indicator == indicator, seriesNames[Int(s)].geography == geo {
        series = s
      } else {
        let name = ObservationSeriesName(indicator: indicator, geography: geo)
        if let s = seriesIndex[name] { series = s } else {
          series = UInt32(seriesNames.count)
          seriesIndex[name] = series
          seriesNames.append(name)
        }
        lastSeries = series
      }
      // The detail: the previous row's when every cell matches (no allocation), else looked up.
      let status = c.status.map(cell).flatMap { $0.isEmpty ? nil : $0 }
      let detail: UInt32
      if let d = lastDetail, matches(details[Int(d)], parsed.impliedFrequency, unit, polarity, status, missingText, f, c.extras) {
        detail = d
      } else {
        let new = ObservationDetail(impliedFrequency: parsed.impliedFrequency, unit: unit, polarity: polarity, status: status,
                                    extras: c.extras.map { f[$0] }, missingText: missingText)
        if let d = detailIndex[new] { detail = d } else {
          detail = UInt32(details.count)
          detailIndex[new] = detail
          details.append(new)
        }
        lastDetail = detail
      }
      rows.append(ObservationRow(value: value, series: series, month: Int32(truncatingIfNeeded: parsed.period.monthIndex),
                                 line: line, detail: detail))
    }
  }

  /// Whether a row's cells give exactly the detail `d`.
  private func matches(_ d: ObservationDetail, _ implied: Frequency?, _ unit: KPIUnit?, _ polarity: Polarity?, _ status: String?,
                       _ missingText: String?, _ fields: [String], _ extras: [Int]) -> Bool {
    guard d.impliedFrequency == implied, d.unit == unit, d.polarity == polarity, d.status == status, d.missingText == missingText,
          d.extras.count == extras.count else { return false }
    for (k, i) in extras.enumerated() where d.extras[k] != fields[i] { return false }
    return true
  }
}
