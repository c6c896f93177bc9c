import Synchronization

/// Student-t quantiles remembered by (p, degrees of freedom): a batch asks for the same few
/// levels at the same few df thousands of times, and each ``SpecialFunctions/studentTQuantile(_:df:)``
/// costs Newton steps on the incomplete beta. A cached value is the computed value, bit for bit.
/// Bounded: the table is emptied when it reaches ``capacity`` entries.
public enum StudentTQuantileCache {
  struct Key: Hashable {
    var p: UInt64
    var df: UInt64
  }

  /// Most entries kept before the table is emptied.
  public static let capacity = 4096

  private static let table = Mutex<[Key: Double]>([:])

  /// The Student-t p-quantile with `df` degrees of freedom, from the table when it was computed before.
  public static func quantile(_ p: Double, df: Double) -> Double {
    let key = Key(p: p.bitPattern, df: df.bitPattern)
    if let q = table.withLock({ $0[key] }) { return q }
    let q = SpecialFunctions.studentTQuantile(p, df: df)
    table.withLock { t in
      if t.count >= capacity { t.removeAll(keepingCapacity: true) }
      t[key] = q
    }
    return q
  }
}
