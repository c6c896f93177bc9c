

/// Fill, stroke and dash of one SVG shape.
public struct SVGStyle: Sendable {
  public var fill: String?
  public var stroke: String?
  public var strokeWidth: Double
  public var dash: String?
  public var opacity: Double
  public var cssClass: String?

  public init(fill: String? = nil, stroke: String? = nil, strokeWidth: Double = 1, dash: String? = nil, opacity: Double = 1, cssClass: String? = nil) {
    self.fill = fill
    self.stroke = stroke
    self.strokeWidth = strokeWidth
    self.dash = dash
    self.opacity = opacity
    self.cssClass = cssClass
  }
}
