import Foundation

/// Notes and progress on standard error for one run. Notes are silenced by `--quiet`. Progress
/// is shown when standard error is a terminal or `--progress` is given: from the first second,
/// once a second, the phase and (while forecasting) one count per series; a run that ends
/// within the first second shows nothing.
final class Console: @unchecked Sendable {
  let quiet: Bool
  let showsProgress: Bool
  let terminal: Bool
  private let lock = NSLock()
  private var phase = "starting"
  private var done = 0, total = 0
  private var what = ""
  private var shown = false
  private var timer: DispatchSourceTimer?
  private let start = Date()

  init(quiet: Bool, progress: Bool) {
    self.quiet = quiet
    terminal = isatty(STDERR_FILENO) == 1
    showsProgress = progress || terminal
    guard showsProgress else { return }
    // KPI_FORECAST_PROGRESS_DELAY (seconds) lets tests see progress on a short run.
    let delay = ProcessInfo.processInfo.environment["KPI_FORECAST_PROGRESS_DELAY"].flatMap(Double.init) ?? 1
    let t = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
    t.schedule(deadline: .now() + max(delay, 0), repeating: 1)
    t.setEventHandler { [weak self] in self?.tick() }
    t.resume()
    timer = t
  }

  /// A note on standard error (unless `--quiet`).
  func note(_ s: String) {
    guard !quiet else { return }
    lock.lock(); defer { lock.unlock() }
    write((terminal && shown ? "\r\u{1B}[K" : "") + "note: \(s)\n")
  }

  /// Notes in order.
  func notes(_ list: [String]) { for n in list { note(n) } }

  /// The phase shown by the progress line (`reading in.csv`, `writing`…); resets the count.
  func enter(_ phase: String) {
    lock.lock(); defer { lock.unlock() }
    self.phase = phase; done = 0; total = 0
  }

  /// A progress callback counting `what` (one call per item done) for the engine.
  func counter(_ phase: String, what: String) -> @Sendable (Int, Int) -> Void {
    lock.lock()
    self.phase = phase; self.what = what; done = 0; total = 0
    lock.unlock()
    return { [self] d, t in
      lock.lock(); defer { lock.unlock() }
      done = max(done, d); total = t
    }
  }

  /// Stops the progress line, ending it with the time taken if one was shown.
  func finish() {
    timer?.cancel()
    timer = nil
    lock.lock(); defer { lock.unlock() }
    if shown { write((terminal ? "\r\u{1B}[K" : "") + "progress: done in \(seconds) s\n") }
  }

  private var seconds: String { String(format: "%.1f", Date().timeIntervalSince(start)) }

  private func tick() {
    lock.lock(); defer { lock.unlock() }
    var line = "progress: \(phase)"
    if total > 0 { line += " — \(Self.grouped(done)) of \(Self.grouped(total)) \(what) (\(done * 100 / max(total, 1))%)" }
    line += ", \(seconds) s"
    write(terminal ? "\r\u{1B}[K" + line : line + "\n")
    shown = true
  }

  /// 200000 → 200,000.
  static func grouped(_ n: Int) -> String {
    var s = String(n), out = ""
    while s.count > 3 { out = "," + s.suffix(3) + out; s.removeLast(3) }
    return s + out
  }

  private func write(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }
}
