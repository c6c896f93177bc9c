import Foundation

/// Where a parallel loop writes its results: each iteration initialises its own element of
/// one uninitialised buffer (distinct indices, so no two threads touch the same memory), and a
/// lock-protected count feeds the progress callback.
private final class ResultBuffer<T>: @unchecked Sendable {
  let base: UnsafeMutablePointer<T>?
  private var done = 0
  private let lock = NSLock()
  init(_ base: UnsafeMutablePointer<T>?) { self.base = base }
  func set(_ i: Int, _ v: T) { (base.map { $0 + i })?.initialize(to: v) }
  func finished() -> Int {
    lock.lock(); defer { lock.unlock() }
    done += 1
    return done
  }
}

extension Array where Element: Sendable {
  /// `transform` applied to every element on all cores; results in input order (the one
  /// parallel map of the package), written straight into the result's storage (no second
  /// array of optionals). `progress` is called with the number done so far.
  /// With `KPI_FORECAST_CORES=1` in the environment the map runs on the calling thread, in
  /// order: a one-core run, whose output every parallel run must equal.
  public func parallelMap<T: Sendable>(progress: (@Sendable (Int) -> Void)? = nil, _ transform: @Sendable (Element) -> T) -> [T] {
    if serialMapRequested {
      var out = [T]()
      out.reserveCapacity(count)
      for x in self { out.append(transform(x)); progress?(out.count) }
      return out
    }
    let items = self
    return [T](unsafeUninitializedCapacity: items.count) { buffer, initialized in
      let results = ResultBuffer(buffer.baseAddress)
      DispatchQueue.concurrentPerform(iterations: items.count) { i in
        results.set(i, transform(items[i]))
        let done = results.finished()
        progress?(done)
      }
      initialized = items.count
    }
  }
}

/// Whether `KPI_FORECAST_CORES` asks for one core (read once).
let serialMapRequested: Bool = ProcessInfo.processInfo.environment["KPI_FORECAST_CORES"] == "1"
