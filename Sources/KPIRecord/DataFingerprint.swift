import Foundation

/// A short fingerprint of the data a forecast came from: 64-bit FNV-1a over the bytes of each
/// file in order, written as 16 hex digits. Enough to tell two versions of an input apart; not a
/// security hash.
public enum DataFingerprint {
  /// The fingerprint of `files` (a file that cannot be read contributes its path only).
  public static func of(files: [String]) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix(_ bytes: some Sequence<UInt8>) {
      for b in bytes {
        h ^= UInt64(b)
        h = h &* 0x0000_0100_0000_01b3
      }
    }
    for f in files {
      mix(Array(f.utf8))
      if let d = FileManager.default.contents(atPath: f) { mix(d) }
    }
    return String(h, radix: 16).leftPadded(to: 16)
  }
}

extension String {
  func leftPadded(to n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
