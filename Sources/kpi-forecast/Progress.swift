import Foundation

/// The older progress callback (a line every 10% for batches of 1,000+ series), kept for
/// commands not yet moved to ``Console``, whose `counter(_:what:)` shows progress from the first
/// second and only on a terminal or with `--progress`.
enum Progress {
  static func reporter(total: Int, what: String) -> (@Sendable (Int, Int) -> Void)? {
    guard total >= 1000 else { return nil }
    let step = max(total / 10, 1)
    return { done, total in
      if done % step == 0 || done == total {
        FileHandle.standardError.write(Data("progress: \(done)/\(total) \(what) (\(done * 100 / total)%)\n".utf8))
      }
    }
  }
}
