import Foundation

/// One number read from a scorecard cell, with whether it carried a `%` sign.
public struct CellNumber: Sendable, Equatable {
  public var value: Double
  public var percentSign: Bool

  public init(_ value: Double, percentSign: Bool = false) {
    self.value = value
    self.percentSign = percentSign
  }
}
