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
  /// With `KPI_FORECAST_CORES=1` in the environment the map runs on the calling thread, in
  /// order: a one-core run, whose output every parallel run must equal.
  public func parallelMap<T: Sendable>(progress: (@Sendable (Int) -> Void)? = nil, _ transform: @Sendable (Element) -> T) -> [T] {
    if serialMapRequested {
      var out = [T]()
      out.reserveCapacity(count)
      for x in self { out.append(transform(x)); progress?(out.count) }
      return out
    }
    let slots = Slots<T>(count: count)
    let items = self
    DispatchQueue.concurrentPerform(iterations: items.count) { i in
      let done = slots.set(i, transform(items[i]))
      progress?(done)
    }
    return slots.values.compactMap { $0 }
  }
}

/// Whether `KPI_FORECAST_CORES` asks for one core (read once).
let serialMapRequested: Bool = ProcessInfo.processInfo.environment["KPI_FORECAST_CORES"] == "1"
