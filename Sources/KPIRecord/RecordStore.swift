import Foundation
import GRDB

/// The workshop's record: an SQLite file (GRDB, write-ahead log) of decisions and forecast
/// vintages, migrated on open. Every write is one transaction, so concurrent writers lose nothing.
public final class RecordStore: Sendable {
  let pool: DatabasePool
  /// The database file.
  public let path: String

  /// Opens (creating if needed) the record at `path` and brings its schema up to date.
  public init(path: String) throws {
    self.path = path
    var config = Configuration()
    config.busyMode = .timeout(10)
    do {
      pool = try DatabasePool(path: path, configuration: config)
      try Self.migrator.migrate(pool)
    } catch let e as DatabaseError {
      throw RecordError("\(path): cannot open the decisions database (\(e.message ?? "SQLite error \(e.resultCode)"))")
    }
  }

  /// Opens an existing record read-only (for export and review); a missing file is an error.
  public static func openExisting(path: String) throws -> RecordStore {
    guard FileManager.default.fileExists(atPath: path) else { throw RecordError("\(path): no such decisions database (`kpi-forecast serve INPUT --db \(path)` creates it during a workshop)") }
    return try RecordStore(path: path)
  }

  static var migrator: DatabaseMigrator {
    var m = DatabaseMigrator()
    m.registerMigration("v1: decisions and forecast vintages") { db in
      try db.create(table: Decision.databaseTableName) { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("indicator", .text).notNull()
        t.column("year", .text).notNull()
        t.column("target", .double).notNull()
        t.column("intervention_level", .double)
        t.column("rationale", .text).notNull()
        t.column("agreed_by", .text).notNull()
        t.column("scenario", .text).notNull().defaults(to: "")
        t.column("recorded_at", .text).notNull()
      }
      try db.create(table: ForecastVintage.databaseTableName) { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("indicator", .text).notNull()
        t.column("year", .text).notNull()
        t.column("year_end", .text).notNull()
        t.column("basis", .text).notNull()
        t.column("forecast", .double).notNull()
        t.column("lo80", .double).notNull()
        t.column("hi80", .double).notNull()
        t.column("lo95", .double).notNull()
        t.column("hi95", .double).notNull()
        t.column("target", .double)
        t.column("intervention_level", .double)
        t.column("p_meet_target", .double)
        t.column("model", .text).notNull()
        t.column("scenario", .text).notNull().defaults(to: "")
        t.column("data_fingerprint", .text).notNull()
        t.column("shown_at", .text).notNull()
      }
      // The same forecast shown twice is one vintage (the first time it was shown).
      try db.create(index: "forecast_vintage_unique", on: ForecastVintage.databaseTableName,
                    columns: ["indicator", "year", "scenario", "model", "data_fingerprint"], unique: true)
    }
    return m
  }

  /// Writes a decision in its own transaction and returns it with its id.
  public func record(_ decision: Decision) async throws -> Decision {
    try await pool.write { db in
      var d = decision
      try d.insert(db)
      return d
    }
  }

  /// Writes vintages not already recorded (same KPI, year, scenario, model and data) in one transaction.
  public func record(vintages: [ForecastVintage]) async throws {
    guard !vintages.isEmpty else { return }
    try await pool.write { db in
      for v in vintages {
        var row = v
        try row.insert(db, onConflict: .ignore)
      }
    }
  }

  /// Every decision, oldest first.
  public func decisions() throws -> [Decision] {
    try pool.read { db in try Decision.order(Column("id")).fetchAll(db) }
  }

  /// Every decision, oldest first (for request handlers).
  public func decisionsAsync() async throws -> [Decision] {
    try await pool.read { db in try Decision.order(Column("id")).fetchAll(db) }
  }

  /// Every recorded forecast vintage, oldest first.
  public func vintages() throws -> [ForecastVintage] {
    try pool.read { db in try ForecastVintage.order(Column("id")).fetchAll(db) }
  }
}
