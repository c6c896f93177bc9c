/// Where the observations file's columns are, read from its header (names matched
/// case-insensitively, spaces around them ignored).
struct ObservationColumns: Sendable {
  var names: [String]
  var indicator: Int, period: Int, value: Int
  var geography: Int?, status: Int?, unit: Int?, polarity: Int?
  /// Columns the reader does not use, in file order.
  var extras: [Int]

  /// Finds the columns; throws when `indicator`, `period` or `value` is missing.
  init(header: CSVReader.Record, file: String) throws(DataError) {
    let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
    let lower = names.map { $0.lowercased() }
    func index(_ n: String) -> Int? { lower.firstIndex(of: n) }
    guard let iInd = index("indicator") else { throw DataError.missingColumn(file: file, column: "indicator", header: names) }
    guard let iPer = index("period") else { throw DataError.missingColumn(file: file, column: "period", header: names) }
    guard let iVal = index("value") else { throw DataError.missingColumn(file: file, column: "value", header: names) }
    self.names = names
    indicator = iInd
    period = iPer
    value = iVal
    geography = index("geography")
    status = index("status")
    unit = index("unit")
    polarity = index("polarity")
    let known = Set([iInd, iPer, iVal, geography, status, unit, polarity].compactMap { $0 })
    extras = names.indices.filter { !known.contains($0) }
  }
}
