import Foundation

/// Automatic ETS over many series in parallel (one `ETSEstimator` with its buffers per worker).
/// A series that cannot be fitted gets its `ModelError`; the others are unaffected.
public enum ETSBatch {
  /// Fits `selection` to every series using up to `workers` threads (default: active processors).
  /// Results are in input order and identical whatever the number of workers.
  public static func select(
    _ series: [SeriesInput], selection: ETSSelection = ETSSelection(), workers: Int? = nil
  ) -> [Result<ETSFit, ModelError>] {
    let box = Slots<Result<ETSFit, ModelError>>(count: series.count)
    let threads = max(1, min(workers ?? ProcessInfo.processInfo.activeProcessorCount, series.count))
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
      var estimator = ETSEstimator()
      while let i = box.next() {
        let r: Result<ETSFit, ModelError>
        do {
          r = .success(try selection.select(series[i], estimator: &estimator).best)
        } catch let e as ModelError {
          r = .failure(e)
        } catch {
          r = .failure(.failed("\(error)"))
        }
        box.set(i, r)
      }
    }
    return box.values.map { $0 ?? .failure(.failed("not fitted")) }
  }
}

/// Lock-protected work queue and result slots for `ETSBatch`.
private final class Slots<T>: @unchecked Sendable {
  private var slots: [T?]
  private var cursor = 0
  private let lock = NSLock()
  init(count: Int) { slots = Array(repeating: nil, count: count) }
  func next() -> Int? {
    lock.lock(); defer { lock.unlock() }
    guard cursor < slots.count else { return nil }
    cursor += 1
    return cursor - 1
  }
  func set(_ i: Int, _ v: T) { lock.lock(); slots[i] = v; lock.unlock() }
  var values: [T?] { lock.lock(); defer { lock.unlock() }; return slots }
}
