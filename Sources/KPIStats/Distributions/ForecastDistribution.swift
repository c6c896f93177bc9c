import Foundation

/// A forecast for one period: a distribution on the model scale and the transform that maps the
/// data onto that scale. Quantiles and probabilities are read on the data scale; the
/// back-transform is applied here and nowhere else (fable's `dist_transformed`).
public struct ForecastDistribution: PredictiveDistribution, Equatable {
  public var base: Distribution
  public var transform: Transform

  public init(base: Distribution, transform: Transform = .none) {
    self.base = base
    self.transform = transform
  }

  /// p-quantile on the data scale (transforms are monotone increasing).
  public func quantile(_ p: Double) -> Double { transform.inverse(base.quantile(p)) }

  /// The point forecast: the mean when untransformed, otherwise the back-transformed median
  /// (as R's `forecast` does without `biasadj`). Never NaN for a finite distribution.
  public var point: Double {
    transform == .none ? base.mean : transform.inverse(base.quantile(0.5))
  }

  /// P(Y ≤ y) on the data scale; 0 below and 1 above the transform's domain.
  public func cdf(_ y: Double) -> Double {
    if let (lo, hi) = transform.domain {
      if y < lo { return 0 }
      if y >= hi { return 1 }
    }
    return base.cdf(transform.forward(y, clamping: true))
  }
}
