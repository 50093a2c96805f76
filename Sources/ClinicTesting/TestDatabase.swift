import ClinicCore
import Foundation

/// The database a test's clinic lives in, on the engine the run asks for:
/// a SQLite file in the test's folder, or (with `CLINIC_TEST_ENGINE=postgres`)
/// a fresh database on the run's PostgreSQL server, already migrated. One suite
/// runs on both engines: `.ci/run` runs it once per engine.
public final class TestDatabase: Sendable {
    /// Where it is, as `--database-url` / `ClinicStore(database:)` take it.
    public let location: DatabaseURL
    /// The SQLite file's path (on PostgreSQL, a path nothing is written to).
    public let path: String
    private let postgres: PostgresTestDatabase?

    /// Whether this run's clinics are on PostgreSQL.
    public static var isPostgres: Bool { ProcessInfo.processInfo.environment["CLINIC_TEST_ENGINE"] == "postgres" }

    /// A database for a clinic whose files go in `directory` (SQLite: `directory/name`).
    public init(in directory: TemporaryDirectory, name: String = "clinic.sqlite") throws {
        path = directory.path(name)
        if Self.isPostgres {
            let database = try PostgresCluster.freshDatabase("clinic", migrated: true)
            postgres = database
            location = .postgres(conninfo: database.url)
        } else {
            postgres = nil
            location = .sqlite(path: path)
        }
    }

    /// The environment naming it for a `clinic` process (`CLINIC_DB` or `CLINIC_DATABASE_URL`).
    public var environment: [String: String] {
        switch location {
        case .sqlite(let path): ["CLINIC_DB": path]
        case .postgres(let url): ["CLINIC_DATABASE_URL": url]
        }
    }

    /// Its own connections, around the store and the binary (to read or change
    /// rows as they are, the way a test reads a file directly): `read` / `write`.
    public func open() throws -> StorePool {
        switch location {
        case .sqlite(let path): StorePool(sqlite: try ClinicDatabase.open(path: path))
        case .postgres(let url): try StorePool.postgres(url: url)
        }
    }

    /// `--db PATH` or `--database-url URL`.
    public var arguments: [String] {
        switch location {
        case .sqlite(let path): ["--db", path]
        case .postgres(let url): ["--database-url", url]
        }
    }
}
