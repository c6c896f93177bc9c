/// Builds each row's `extra` dictionary, sharing the previous row's when the extra cells are
/// the same (a `source` or `note` column repeats down a file): equal rows then share one copy
/// instead of allocating a dictionary each.
struct ExtraColumnCache {
  let names: [String]
  let indices: [Int]
  private var lastValues = [String?]()
  private var last = [String: String]()

  init(names: [String], indices: [Int]) {
    self.names = names
    self.indices = indices
  }

  /// The extra columns of a record's fields, by name.
  mutating func extra(_ fields: [String]) -> [String: String] {
    if indices.isEmpty { return [:] }
    var same = lastValues.count == indices.count
    if same {
      for (k, i) in indices.enumerated() where (i < fields.count ? fields[i] : nil) != lastValues[k] {
        same = false
        break
      }
    }
    if same { return last }
    var extra = [String: String]()
    for i in indices where i < fields.count { extra[names[i]] = fields[i] }
    lastValues = indices.map { $0 < fields.count ? fields[$0] : nil }
    last = extra
    return extra
  }
}
