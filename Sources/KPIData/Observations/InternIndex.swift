/// Values numbered in order of first appearance (the reader's series names and row details,
/// each kept once in a table that rows point to by number).
struct InternIndex<Value: Hashable & Sendable>: Sendable {
  private var numbers = [Value: UInt32]()

  /// The number of `value` in `table`, appended (and remembered) when new.
  mutating func number(of value: Value, in table: inout [Value]) -> UInt32 {
    if let n = numbers[value] { return n }
    let n = UInt32(table.count)
    numbers[value] = n
    table.append(value)
    return n
  }
}
