import Foundation

/// One series of a forecasting benchmark in long format: training values then the held-out
/// test values, and optionally where its calendar starts.
public struct BenchmarkSeries: Sendable, Equatable {
  public var id: String
  public var train: [Double]
  public var test: [Double]
  /// Season (0-based, calendar order: 0 = Q1 Jan–Mar) of `train[0]`, when a meta file gave it.
  public var firstSeason: Int?
  /// Group for pooling seasonal shape (e.g. category), when a meta file gave it.
  public var group: String?

  public init(id: String, train: [Double], test: [Double], firstSeason: Int? = nil, group: String? = nil) {
    self.id = id
    self.train = train
    self.test = test
    self.firstSeason = firstSeason
    self.group = group
  }
}
