import Foundation

/// Lock-protected result slots for a parallel loop.
private final class Slots<T>: @unchecked Sendable {
  private var slots: [T?]
  private var done = 0
  private let lock = NSLock()
  init(count: Int) { slots = Array(repeating: nil, count: count) }
  func set(_ i: Int, _ v: T) -> Int {
    lock.lock(); defer { lock.unlock() }
    slots[i] = v; done += 1
    return done
  }
  var values: [T?] { lock.lock(); defer { lock.unlock() }; return slots }
}

extension Array where Element: Sendable {
  /// `transform` applied to every element on all cores; results in input order (the one
  /// parallel map of the package). `progress` is called with the number done so far.
  public func parallelMap<T: Sendable>(progress: (@Sendable (Int) -> Void)? = nil, _ transform: @Sendable (Element) -> T) -> [T] {
    let slots = Slots<T>(count: count)
    let items = self
    DispatchQueue.concurrentPerform(iterations: items.count) { i in
      let done = slots.set(i, transform(items[i]))
      progress?(done)
    }
    return slots.values.compactMap { $0 }
  }
}
