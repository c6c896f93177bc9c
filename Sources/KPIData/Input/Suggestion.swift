/// "Did you mean …?" for misspelt keys and names: the closest candidate by edit distance
/// (optimal string alignment: insertions, deletions, substitutions and swaps of neighbours).
public enum Suggestion {
  /// The candidate nearest to `word` (ignoring case), when it is at most 2 edits away and
  /// closer than the word's own length; nil otherwise.
  public static func closest(to word: String, among candidates: [String]) -> String? {
    let w = Array(word.lowercased())
    var best: (String, Int)?
    for c in candidates.sorted() {
      let d = distance(w, Array(c.lowercased()))
      if d <= 2 && d < max(w.count, 2) && d < (best?.1 ?? .max) { best = (c, d) }
    }
    return best?.0
  }

  /// " (did you mean 'x'?)" or "".
  public static func hint(for word: String, among candidates: [String]) -> String {
    closest(to: word, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
  }

  /// Optimal-string-alignment distance between two character arrays.
  public static func distance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
      }
    }
    return d[a.count][b.count]
  }
}
