import Foundation

/// The server task's error, handed back to the waiting command thread.
final class ServeOutcome: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Error?
  func set(_ e: Error) { lock.lock(); stored = e; lock.unlock() }
  var error: Error? { lock.lock(); defer { lock.unlock() }; return stored }
}
