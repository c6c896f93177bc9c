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

  /// Parses records (none of them the header), one by one.
  init(records: some Sequence<CSVReader.Record>, columns: ObservationColumns, file: String) {
    var parser = ObservationPartParser(columns: columns, file: file)
    do throws(DataError) {
      for rec in records { try parser.add(rec) }
    } catch {
      parser.part.error = error
    }
    self = parser.part
  }

  /// Parses records read from bytes (none of them the header): plain records straight from
  /// the bytes, any other through ``CSVReader/Record``, with the same rows and errors.
  init(bytes records: CSVReader.Records, columns: ObservationColumns, file: String) {
    var parser = ObservationPartParser(columns: columns, file: file)
    do throws(DataError) {
      try parser.add(records)
    } catch {
      parser.part.error = error
    }
    self = parser.part
  }
}
