import Testing
@testable import KPIReport

/// The pack's drawing module: escaping, number formatting, shapes, scales.
@Suite struct SVGDocumentTests {
  @Test func escapesTextAndAttributes() {
    var d = SVGDocument(width: 100, height: 50, label: "a<b & \"c\"")
    d.text("x < y & 'z'", x: 1, y: 2)
    d.circle(5, 5, r: 2, SVGStyle(fill: "#000"), title: "<t>")
    let s = d.render()
    #expect(s.contains("aria-label=\"a&lt;b &amp; &quot;c&quot;\""))
    #expect(s.contains(">x &lt; y &amp; &#39;z&#39;</text>"))
    #expect(s.contains("<title>&lt;t&gt;</title>"))
    #expect(!s.contains("a<b"))
  }

  @Test func numbersAreShortAndNeverNaNOrNegativeZero() {
    #expect(SVGDocument.num(12) == "12")
    #expect(SVGDocument.num(12.34) == "12.3")
    #expect(SVGDocument.num(-0.01) == "0")
    #expect(SVGDocument.num(.nan) == "0")
    #expect(SVGDocument.num(-3.26) == "-3.3")
  }

  @Test func shapesAndDegenerateInput() {
    var d = SVGDocument(width: 10, height: 10, label: "t")
    d.polyline([(1, 1)], SVGStyle(stroke: "#000"))          // one point: nothing drawn
    d.polygon([(1, 1), (2, 2)], SVGStyle(fill: "#000"))       // two points: nothing drawn
    #expect(!d.render().contains("<poly"))
    d.polyline([(0, 0), (5, 5)], SVGStyle(stroke: "#000", dash: "4 3"))
    d.marker(.square, 5, 5, r: 2, SVGStyle(fill: "#111"))
    d.marker(.diamond, 5, 5, r: 2, SVGStyle(fill: "#111"))
    d.rect(0, 0, 2, 2, SVGStyle(fill: "#fff", opacity: 0.25))
    let s = d.render(cssClass: "chart")
    #expect(s.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\" class=\"chart\""))
    #expect(s.contains("<polyline points=\"0,0 5,5\" fill=\"none\" stroke=\"#000\" stroke-width=\"1\" stroke-dasharray=\"4 3\"/>"))
    #expect(s.contains("<rect x=\"3.2\" y=\"3.2\" width=\"3.6\" height=\"3.6\""))
    #expect(s.contains("<path d=\"M5 2.6 L7.4 5 L5 7.4 L2.6 5 Z\""))
    #expect(s.contains("fill-opacity=\"0.25\""))
  }

  @Test func scaleMapsClampsAndTicksRoundValues() {
    let s = LinearScale(domain: (0, 100), range: (200, 0))
    #expect(s(0) == 200 && s(100) == 0 && s(50) == 100)
    #expect(s(150) == 0 && s(-5) == 200)
    #expect(s.ticks(4) == [0, 50, 100])
    #expect(LinearScale(domain: (13.2, 27.9), range: (0, 1)).ticks(4) == [15, 20, 25])
    let flat = LinearScale(domain: (5, 5), range: (0, 1))
    #expect(flat.domain.lower < 5 && flat.domain.upper > 5)
    let d = LinearScale.paddedDomain([90, 99.5], bounds: (0, 100))
    #expect(d.0 < 90 && d.1 == 100)
  }

  @Test func marginLabelsNeverOverlap() {
    let placed = PackChart.spread([(100, "a", ""), (104, "b", ""), (99, "c", ""), (300, "d", "")], gap: 11, within: (10, 240))
    let ys = placed.map(\.0)
    for (a, b) in zip(ys, ys.dropFirst()) { #expect(b - a >= 11 - 1e-9) }
    #expect(ys.last ?? 0 <= 240)
  }
}
