import Foundation
import KPIData
import KPIFuzz

// libFuzzer entry point over the same targets and properties as kpi-fuzz. Build and run with
//   scripts/libfuzz.sh [seconds]
// which compiles with `-sanitize=fuzzer -DLIBFUZZER`; a plain `swift build` makes a stub that says so.

#if LIBFUZZER
import CLibFuzzer

nonisolated(unsafe) var engine = FuzzEngine(corpus: [], seed: 1)

/// SwiftPM links executables with `main` renamed to `<module>_main`; hand control to libFuzzer's driver.
@_cdecl("kpi_libfuzz_main")
public func kpiLibfuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var c = argc
  var v = argv
  return LLVMFuzzerRunDriver(&c, &v) { data, size in
    guard let data else { return 0 }
    return fuzzOneInput(data, size)
  }
}

/// The first byte picks the target; the rest is the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let targets = FuzzEngine.Target.allCases
  let target = targets[Int(data[0]) % targets.count]
  let input = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  do { try engine.run(input, on: target) } catch {
    // A broken property: crash so libFuzzer saves the input.
    FileHandle.standardError.write(Data("kpi-libfuzz: \(error)\n".utf8))
    abort()
  }
  return 0
}
#else
@main
struct LibFuzzStub {
  static func main() {
    FileHandle.standardError.write(Data("kpi-libfuzz: build with scripts/libfuzz.sh (swift build -Xswiftc -sanitize=fuzzer -Xswiftc -DLIBFUZZER)\n".utf8))
    exit(2)
  }
}
#endif
