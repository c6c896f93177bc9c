/// The state of parsing one part: the part so far, the look-ups of its series and details,
/// and the previous row's readings (a file repeats them down its rows). Records come either as
/// fields (``add(_:)-(CSVReader.Record)``) or straight from bytes (``add(_:)-(CSVReader.Records)``),
/// which reads plain records without building fields and gives the same rows.
struct ObservationPartParser {
  let columns: ObservationColumns
  let file: String
  var part = ObservationPart()
  private var seriesIndex = InternIndex<ObservationSeriesName>()
  private var detailNumbers = InternIndex<ObservationDetail>()
  private var lastSeries: UInt32?, lastDetail: UInt32?
  private var lastUnit: (text: String, unit: KPIUnit)?, lastPolarity: (text: String, polarity: Polarity)?
  /// Start of each field, then one past the end of the last, of the record read from bytes.
  private var bounds = [Int]()

  init(columns: ObservationColumns, file: String) {
    self.columns = columns
    self.file = file
    bounds.reserveCapacity(columns.names.count + 3)
  }

  /// Adds one record read into fields; throws for a bad one.
  mutating func add(_ rec: CSVReader.Record) throws(DataError) {
    let c = columns, names = c.names
    part.dataRows += 1
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
    let series = series(indicator, geo)
    // The detail: the previous row's when every cell matches (no allocation), else looked up.
    let status = c.status.map(cell).flatMap { $0.isEmpty ? nil : $0 }
    let detail: UInt32
    if let d = lastDetail, matches(part.details[Int(d)], parsed.impliedFrequency, unit, polarity, status, missingText, f, c.extras) {
      detail = d
    } else {
      detail = detailIndex(ObservationDetail(impliedFrequency: parsed.impliedFrequency, unit: unit, polarity: polarity, status: status,
                                             extras: c.extras.map { f[$0] }, missingText: missingText))
    }
    part.rows.append(ObservationRow(value: value, series: series, month: Int32(truncatingIfNeeded: parsed.period.monthIndex),
                                    line: line, detail: detail))
  }

  /// Adds every record of `records`: a plain record straight from the bytes when
  /// ``plainRecord(_:at:end:line:delimiter:)`` can read it, else through the record reader.
  mutating func add(_ records: CSVReader.Records) throws(DataError) {
    try records.bytes.withUnsafeBufferPointer { u throws(DataError) in
      var i = records.start, line = records.startLine
      let end = records.end
      while i < end {
        if let next = plainRecord(u, at: i, end: end, line: line, delimiter: records.delimiter) {
          i = next
          line += 1
          continue
        }
        var it = CSVReader.Records.Iterator(bytes: records.bytes, delimiter: records.delimiter, start: i, end: end, line: line)
        guard let rec = it.next() else { return }
        try add(rec)
        i = it.i
        line = it.line
      }
    }
  }

  /// Reads one plain record from `u[i...]` and returns where the next starts, or nil (nothing
  /// changed) when the record is not plain: it holds a quote or carriage return, is blank, has
  /// the wrong number of fields, a used cell has spaces or tabs around it, the indicator is
  /// empty, the period is not one of ``Period/parseCommon(_:)``'s notations, the value is not
  /// empty or a plain decimal, or the unit, polarity, status or extra cells differ from the
  /// previous row's. Every row it reads is the row ``add(_:)-(CSVReader.Record)`` gives.
  private mutating func plainRecord(_ u: UnsafeBufferPointer<UInt8>, at start: Int, end: Int, line: Int, delimiter d: UInt8) -> Int? {
    let c = columns, width = c.names.count
    bounds.removeAll(keepingCapacity: true)
    bounds.append(start)
    var j = start
    while j < end {
      let b = u[j]
      if b == 0x0A { break }
      if b == 0x22 || b == 0x0D { return nil }
      if b == d {
        if bounds.count > width { return nil }  // more fields than the header allows
        bounds.append(j + 1)
      }
      j += 1
    }
    if j == start { return nil }  // a blank line
    let recordEnd = j, next = j < end ? j + 1 : j
    bounds.append(recordEnd + 1)  // each field ends one before the next field's start
    let fieldCount = bounds.count - 1
    if fieldCount != width {
      guard fieldCount == width + 1, bounds[width] == recordEnd else { return nil }
    }
    guard let row = UInt32(exactly: line) else { return nil }
    @inline(__always) func range(_ k: Int) -> (Int, Int) { (bounds[k], bounds[k + 1] - 1) }
    @inline(__always) func spaced(_ r: (Int, Int)) -> Bool {
      r.1 > r.0 && (u[r.0] == 0x20 || u[r.0] == 0x09 || u[r.1 - 1] == 0x20 || u[r.1 - 1] == 0x09)
    }
    @inline(__always) func same(_ s: String, _ r: (Int, Int)) -> Bool {
      var s = s
      return s.withUTF8 { t in
        guard t.count == r.1 - r.0 else { return false }
        for k in 0..<t.count where t[k] != u[r.0 + k] { return false }
        return true
      }
    }
    @inline(__always) func text(_ r: (Int, Int)) -> String { String(decoding: UnsafeBufferPointer(rebasing: u[r.0..<r.1]), as: UTF8.self) }
    let ind = range(c.indicator), per = range(c.period), val = range(c.value)
    guard ind.1 > ind.0, !spaced(ind), !spaced(per), !spaced(val) else { return nil }
    guard let parsed = Period.parseCommon(u[per.0..<per.1]) else { return nil }
    let value: Double?
    if val.1 == val.0 { value = nil } else {
      guard let v = ObservationReader.plainDecimal(u[val.0..<val.1]) else { return nil }
      value = v
    }
    var unit: KPIUnit?
    if let k = c.unit {
      let r = range(k)
      if r.1 > r.0 {
        guard !spaced(r), let last = lastUnit, same(last.text, r) else { return nil }
        unit = last.unit
      }
    }
    var polarity: Polarity?
    if let k = c.polarity {
      let r = range(k)
      if r.1 > r.0 {
        guard !spaced(r), let last = lastPolarity, same(last.text, r) else { return nil }
        polarity = last.polarity
      }
    }
    var geo: (Int, Int)?
    if let k = c.geography {
      let r = range(k)
      guard !spaced(r) else { return nil }
      if r.1 > r.0 { geo = r }
    }
    // The detail must be the previous row's: the same hint, unit, polarity, status and extras.
    guard let dIndex = lastDetail else { return nil }
    let dt = part.details[Int(dIndex)]
    guard dt.impliedFrequency == parsed.impliedFrequency, dt.unit == unit, dt.polarity == polarity, dt.missingText == nil,
          dt.extras.count == c.extras.count else { return nil }
    if let k = c.status {
      let r = range(k)
      guard !spaced(r) else { return nil }
      if r.1 > r.0 {
        guard let s = dt.status, same(s, r) else { return nil }
      } else if dt.status != nil { return nil }
    } else if dt.status != nil { return nil }
    for (n, k) in c.extras.enumerated() where !same(dt.extras[n], range(k)) { return nil }
    // The series: the previous row's when the names' bytes match, else looked up by name.
    let series: UInt32
    if let s = lastSeries, same(part.seriesNames[Int(s)].indicator, ind),
       geo.map({ g in part.seriesNames[Int(s)].geography.map { same($0, g) } ?? false }) ?? (part.seriesNames[Int(s)].geography == nil) {
      series = s
    } else {
      series = self.series(text(ind), geo.map(text))
    }
    part.dataRows += 1
    part.rows.append(ObservationRow(value: value, series: series, month: Int32(truncatingIfNeeded: parsed.period.monthIndex),
                                    line: row, detail: dIndex))
    return next
  }

  /// The series of a row, added when new: the previous row's when the names match.
  private mutating func series(_ indicator: String, _ geo: String?) -> UInt32 {
    if let s = lastSeries, part.seriesNames[Int(s)].indicator == indicator, part.seriesNames[Int(s)].geography == geo { return s }
    let s = seriesIndex.number(of: ObservationSeriesName(indicator: indicator, geography: geo), in: &part.seriesNames)
    lastSeries = s
    return s
  }

  /// The index of a detail, added when new; it becomes the previous row's.
  private mutating func detailIndex(_ new: ObservationDetail) -> UInt32 {
    let d = detailNumbers.number(of: new, in: &part.details)
    lastDetail = d
    return d
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
