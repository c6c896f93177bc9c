/// What one pass of ``CSVReader/scanQuotes(_:delimiter:partBytes:startLine:)`` found.
struct QuoteScan {
  /// The first line of a record whose quoted field is never closed, or nil.
  var unterminatedLine: Int?
  /// Record boundaries about `partBytes` apart (offsets just after a line feed outside
  /// quotes, ascending), with the line that starts at each.
  var cutOffsets = [Int](), cutLines = [Int]()
  /// The last record boundary ending in a line feed (0 when there is none), its line, and the
  /// line feeds before it.
  var lastCut = 0, lastCutLine: Int, lineFeedsToLastCut = 0
  /// Line feeds in all the bytes.
  var lineFeeds = 0

  init(lastCutLine: Int) { self.lastCutLine = lastCutLine }
}
