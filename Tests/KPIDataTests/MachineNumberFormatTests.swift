import Testing
import KPITestSupport
import KPIData

/// The machine formatter: shortest round trip (Swift's `description`), integers without `.0`,
/// appended to byte buffers without `String(format:)`.
@Suite struct MachineNumberFormatTests {
  @Test func readsBackAsTheSameDouble() {
    var seeded = SplitMix64(seed: 20261204)
    for i in 0..<20_000 {
      let x: Double
      switch i % 4 {
      case 0: x = Double.random(in: -1000...1000, using: &seeded)
      case 1: x = Double(bitPattern: seeded.next() & 0x7FEF_FFFF_FFFF_FFFF) * (i % 8 == 1 ? -1 : 1)
      case 2: x = Double.random(in: 0...1, using: &seeded) * 1e-6
      default: x = (Double.random(in: 0...100, using: &seeded) * 10).rounded() / 10
      }
      let text = NumberFormat.machine(x)
      #expect(Double(text) == x, "\(x) → \(text)")
      if x != x.rounded() || abs(x) >= 1e16 { #expect(text == x.description) }
      var bytes = [UInt8]()
      NumberFormat.appendMachine(x, to: &bytes)
      #expect(String(decoding: bytes, as: UTF8.self) == text)
    }
  }

  @Test func integersNaNAndInfinities() {
    #expect(NumberFormat.machine(0) == "0" && NumberFormat.machine(-0.0) == "0")
    #expect(NumberFormat.machine(2157) == "2157" && NumberFormat.machine(-14) == "-14")
    #expect(NumberFormat.machine(999_999_999_999_999) == "999999999999999")
    #expect(NumberFormat.machine(1e15) == "1000000000000000" && NumberFormat.machine(-1e16) == "-1e+16")
    #expect(NumberFormat.machine(.nan) == "")
    #expect(NumberFormat.machine(.infinity) == "inf" && NumberFormat.machine(-.infinity) == "-inf")
    #expect(NumberFormat.machine(0.1) == "0.1" && NumberFormat.machine(25.4) == "25.4" && NumberFormat.machine(1e-7) == "1e-07")
    var b = [UInt8]()
    NumberFormat.appendInteger(Int64.min + 1, to: &b)
    #expect(String(decoding: b, as: UTF8.self) == String(Int64.min + 1))
  }

  @Test func appendedFieldsQuoteAsCSVFieldDoes() {
    for s in ["a,b", "say \"x\"", "ab", "", "line\nbreak", "cr\r", "Bournemouth, Christchurch and Poole"] {
      var b = [UInt8]()
      NumberFormat.appendCSVField(s, to: &b)
      #expect(String(decoding: b, as: UTF8.self) == NumberFormat.csvField(s))
      #expect(NumberFormat.csvNeedsQuotes(s) == (NumberFormat.csvField(s) != s))
    }
  }
}
