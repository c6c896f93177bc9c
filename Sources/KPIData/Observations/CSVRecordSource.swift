/// Records a reader can walk: parsed on demand from bytes (``CSVReader/Records``) or already
/// in an array.
public protocol CSVRecordSource: Sequence where Element == CSVReader.Record {
  /// The first record (the header), or nil.
  var first: CSVReader.Record? { get }
  /// At least the number of records, for reserving room.
  var recordBound: Int { get }
}

extension Array: CSVRecordSource where Element == CSVReader.Record {
  public var recordBound: Int { count }
}

extension CSVReader.Records: CSVRecordSource {}
