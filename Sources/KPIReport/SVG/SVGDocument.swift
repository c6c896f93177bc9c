import Foundation

/// A small SVG writer: shapes in drawing order, numbers to one decimal, every text and attribute
/// escaped. The report's only way of drawing (charts and icons), so escaping and number
/// formatting live in one place.
public struct SVGDocument: Sendable {
  public var width: Double
  public var height: Double
  public var label: String
  private(set) var elements: [String] = []

  public init(width: Double, height: Double, label: String) {
    self.width = width
    self.height = height
    self.label = label
  }

  /// Formats a coordinate: one decimal, no trailing ".0", never "-0" or "nan".
  public static func num(_ x: Double) -> String {
    guard x.isFinite else { return "0" }
    let r = (x * 10).rounded() / 10
    if r == 0 { return "0" }
    return r == r.rounded() ? String(Int(r)) : String(format: "%.1f", r)
  }

  /// Escapes text for element content and attribute values.
  public static func escape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.count)
    for c in s {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(c)
      }
    }
    return out
  }

  static func attributes(_ style: SVGStyle) -> String {
    var a = ""
    a += " fill=\"\(escape(style.fill ?? "none"))\""
    if let s = style.stroke { a += " stroke=\"\(escape(s))\" stroke-width=\"\(num(style.strokeWidth))\"" }
    if let d = style.dash { a += " stroke-dasharray=\"\(escape(d))\"" }
    if style.opacity < 1 { a += " fill-opacity=\"\(String(format: "%.2f", max(style.opacity, 0)))\"" }
    if let c = style.cssClass { a += " class=\"\(escape(c))\"" }
    return a
  }

  public mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ style: SVGStyle) {
    elements.append("<line x1=\"\(Self.num(x1))\" y1=\"\(Self.num(y1))\" x2=\"\(Self.num(x2))\" y2=\"\(Self.num(y2))\"\(Self.attributes(style))/>")
  }

  public mutating func polyline(_ points: [(Double, Double)], _ style: SVGStyle) {
    guard points.count >= 2 else { return }
    elements.append("<polyline points=\"\(Self.points(points))\"\(Self.attributes(style))/>")
  }

  public mutating func polygon(_ points: [(Double, Double)], _ style: SVGStyle) {
    guard points.count >= 3 else { return }
    elements.append("<polygon points=\"\(Self.points(points))\"\(Self.attributes(style))/>")
  }

  public mutating func circle(_ cx: Double, _ cy: Double, r: Double, _ style: SVGStyle, title: String? = nil) {
    let t = title.map { "<title>\(Self.escape($0))</title>" } ?? ""
    let open = "<circle cx=\"\(Self.num(cx))\" cy=\"\(Self.num(cy))\" r=\"\(Self.num(r))\"\(Self.attributes(style))"
    elements.append(t.isEmpty ? open + "/>" : open + ">\(t)</circle>")
  }

  public mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ style: SVGStyle, title: String? = nil) {
    let t = title.map { "<title>\(Self.escape($0))</title>" } ?? ""
    let open = "<rect x=\"\(Self.num(x))\" y=\"\(Self.num(y))\" width=\"\(Self.num(w))\" height=\"\(Self.num(h))\"\(Self.attributes(style))"
    elements.append(t.isEmpty ? open + "/>" : open + ">\(t)</rect>")
  }

  /// A marker of `shape` centred on (x, y) with half-size `r`.
  public mutating func marker(_ shape: SVGMarker, _ x: Double, _ y: Double, r: Double, _ style: SVGStyle, title: String? = nil) {
    switch shape {
    case .circle: circle(x, y, r: r, style, title: title)
    case .square: rect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8, style, title: title)
    case .diamond: path([(x, y - r * 1.2), (x + r * 1.2, y), (x, y + r * 1.2), (x - r * 1.2, y)], closed: true, style, title: title)
    case .triangle: path([(x, y - r * 1.2), (x + r * 1.1, y + r * 0.9), (x - r * 1.1, y + r * 0.9)], closed: true, style, title: title)
    }
  }

  mutating func path(_ pts: [(Double, Double)], closed: Bool, _ style: SVGStyle, title: String?) {
    let d = pts.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(Self.num($0.element.0)) \(Self.num($0.element.1))" }.joined(separator: " ")
    let t = title.map { "<title>\(Self.escape($0))</title>" } ?? ""
    let open = "<path d=\"\(d)\(closed ? " Z" : "")\"\(Self.attributes(style))"
    elements.append(t.isEmpty ? open + "/>" : open + ">\(t)</path>")
  }

  public mutating func text(_ s: String, x: Double, y: Double, size: Double = 11, anchor: SVGAnchor = .start, fill: String = "#333",
                            weight: String? = nil, rotate: Double? = nil) {
    var a = "x=\"\(Self.num(x))\" y=\"\(Self.num(y))\" font-size=\"\(Self.num(size))\" text-anchor=\"\(anchor.rawValue)\" fill=\"\(Self.escape(fill))\""
    if let w = weight { a += " font-weight=\"\(Self.escape(w))\"" }
    if let r = rotate { a += " transform=\"rotate(\(Self.num(r)) \(Self.num(x)) \(Self.num(y)))\"" }
    elements.append("<text \(a)>\(Self.escape(s))</text>")
  }

  static func points(_ p: [(Double, Double)]) -> String { p.map { "\(num($0.0)),\(num($0.1))" }.joined(separator: " ") }

  /// The finished `<svg>` element (scales to its container's width).
  public func render(cssClass: String? = nil) -> String {
    let cls = cssClass.map { " class=\"\(Self.escape($0))\"" } ?? ""
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.num(width)) \(Self.num(height))\"\(cls) role=\"img\" aria-label=\"\(Self.escape(label))\">"
      + "<title>\(Self.escape(label))</title>" + elements.joined() + "</svg>"
  }
}
