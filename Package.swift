// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "kpi-forecast",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "kpi-forecast", targets: ["kpi-forecast"]),
    .library(name: "KPIForecast", targets: ["KPIStats", "KPIData", "KPIForecast", "KPIPlanning", "KPIReport"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    // Without its default traits: no swift-configuration (not used here), a shorter clean build.
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.14.0"),
    .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
  ],
  targets: [
    // System library shim: LAPACKE from Debian's liblapacke-dev, found through pkg-config.
    .systemLibrary(
      name: "CLAPACKE",
      pkgConfig: "lapacke",
      providers: [.apt(["liblapacke-dev"])]
    ),
    // Numbers only: least squares, transforms, distributions, models. Knows nothing of councils.
    .target(name: "KPIStats", dependencies: ["CLAPACKE"]),
    // Periods, observations, CSV and scorecard readers, catalogue, comparators.
    .target(name: "KPIData", dependencies: ["Yams"]),
    // Series -> chosen model -> forecast distribution; batch over many series.
    .target(name: "KPIForecast", dependencies: ["KPIStats", "KPIData"]),
    // Targets, intervention levels, scenarios, alternative-provision demand.
    .target(name: "KPIPlanning", dependencies: ["KPIForecast", "KPIStats", "KPIData", "Yams"]),
    // Tables, CSV, JSON, Markdown, HTML.
    .target(name: "KPIReport", dependencies: ["KPIForecast", "KPIPlanning", "KPIData", "KPIStats"]),
    // The workshop record: decisions and forecast vintages in SQLite (GRDB).
    .target(
      name: "KPIRecord",
      dependencies: ["KPIData", "KPIForecast", "KPIPlanning", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    // The workshop page and JSON API (Hummingbird) over the planning engine and the record.
    .target(
      name: "KPIServe",
      dependencies: [
        "KPIData", "KPIForecast", "KPIPlanning", "KPIRecord",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
      ]
    ),
    .executableTarget(
      name: "kpi-forecast",
      dependencies: [
        "KPIStats", "KPIData", "KPIForecast", "KPIPlanning", "KPIReport", "KPIRecord", "KPIServe",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Accuracy and speed benchmark (run in release mode; never part of the test suite).
    .executableTarget(
      name: "kpi-bench",
      dependencies: [
        "KPIStats", "KPIData", "KPIForecast",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Timing of automatic ETS on the Tourism quarterly series (swift run -c release ets-bench).
    .executableTarget(name: "ets-bench", dependencies: ["KPIStats"], path: "Benchmarks/ets-bench"),
    // Shared test helpers (R reference-file loader); used by test targets only.
    .target(name: "KPITestSupport", dependencies: ["KPIStats"], path: "Tests/KPITestSupport"),
    .testTarget(name: "KPIStatsTests", dependencies: ["KPIStats", "KPITestSupport"]),
    // Property-based fuzzer for the input readers (library, shared by kpi-fuzz and the tests).
    .target(name: "KPIFuzz", dependencies: ["KPIStats", "KPIData", "KPIPlanning"]),
    .executableTarget(name: "kpi-fuzz", dependencies: ["KPIFuzz", "KPIData"]),
    // libFuzzer entry point (a stub unless built by scripts/libfuzz.sh with -sanitize=fuzzer).
    .systemLibrary(name: "CLibFuzzer"),
    .executableTarget(name: "kpi-libfuzz", dependencies: ["KPIFuzz", "KPIData", "CLibFuzzer"]),
    .testTarget(name: "KPIDataTests", dependencies: ["KPIData", "KPIFuzz", "KPITestSupport"]),
    .testTarget(name: "KPIForecastTests", dependencies: ["KPIForecast", "KPIStats", "KPIData", "KPITestSupport"]),
    .testTarget(name: "KPIPlanningTests", dependencies: ["KPIPlanning", "KPIForecast", "KPIStats", "KPIData"]),
    .testTarget(name: "KPIReportTests", dependencies: ["KPIReport", "KPIPlanning", "KPIForecast", "KPIStats", "KPIData"]),
    .testTarget(name: "CLITests", dependencies: ["kpi-forecast", "KPIRecord"]),
    .testTarget(name: "KPIRecordTests", dependencies: ["KPIRecord", "KPIData", "KPIForecast", "KPIPlanning", "Yams"]),
    .testTarget(
      name: "KPIServeTests",
      dependencies: [
        "KPIServe", "KPIRecord", "KPIData", "KPIForecast", "KPIPlanning",
        .product(name: "Hummingbird", package: "hummingbird"),
      ]
    ),
  ],
  swiftLanguageModes: [.v6]
)
