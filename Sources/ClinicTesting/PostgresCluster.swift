import ClinicCore
import Foundation
import Synchronization

/// A PostgreSQL server for tests. With `CLINIC_TEST_POSTGRES_URL` set (CI starts
/// one cluster for the whole run), that server; otherwise a throwaway cluster this
/// process starts itself (initdb in a temporary folder, a loopback port, as
/// `nobody` when running as root, since the server refuses root) and stops at exit.
/// Each test asks it for a fresh, uniquely named database.
public final class PostgresCluster: Sendable {
    /// A superuser URL to the server's `postgres` database.
    public let adminURL: String
    private let owned: Throwaway?
    private let counter = Atomic<Int>(0)

    private static let shared = Mutex<PostgresCluster?>(nil)

    /// The run's server: `CLINIC_TEST_POSTGRES_URL`, else one throwaway cluster for the process.
    public static func server() throws -> PostgresCluster {
        try shared.withLock { cluster in
            if let cluster { return cluster }
            let env = ProcessInfo.processInfo.environment["CLINIC_TEST_POSTGRES_URL"] ?? ""
            let made = env.isEmpty ? try PostgresCluster(owned: try Throwaway.start()) : PostgresCluster(adminURL: env)
            if made.owned != nil { atexit { PostgresCluster.stopShared() } }
            cluster = made
            return made
        }
    }

    /// A new empty UTF-8 database on the run's server, dropped when the returned value goes away.
    public static func freshDatabase(_ label: String = "t", migrated: Bool = false) throws -> PostgresTestDatabase {
        try server().freshDatabase(label, migrated: migrated)
    }

    private init(adminURL: String) {
        self.adminURL = adminURL
        self.owned = nil
    }

    private init(owned: Throwaway) throws {
        self.adminURL = owned.url
        self.owned = owned
    }

    /// A new empty UTF-8 database named after `label`, this process and a counter.
    /// `migrated`: with the clinic's schema already in it (copied from a template
    /// database migrated once per process, which is much faster than migrating each).
    public func freshDatabase(_ label: String = "t", migrated: Bool = false) throws -> PostgresTestDatabase {
        let safe = label.lowercased().filter { $0.isLetter || $0.isNumber }.prefix(20)
        let name = "clinic_\(safe)_\(getpid())_\(counter.add(1, ordering: .relaxed).newValue)"
        let admin = try PostgresConnection(adminURL)
        try admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        let template = migrated ? try migratedTemplate() : "template0"
        try admin.execute("CREATE DATABASE \(name) ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE \(template)")
        return PostgresTestDatabase(name: name, url: Self.url(adminURL, database: name), adminURL: adminURL)
    }

    private let template = Mutex<String?>(nil)

    /// A database with the clinic's schema, made once per process, to copy from.
    private func migratedTemplate() throws -> String {
        try template.withLock { made in
            if let made { return made }
            let name = "clinic_template_\(getpid())"
            let admin = try PostgresConnection(adminURL)
            try admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            try admin.execute("CREATE DATABASE \(name) ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0")
            do {
                let connection = try PostgresConnection(Self.url(adminURL, database: name))
                try PostgresMigrations.migrate(connection)
            }
            made = name
            atexit { PostgresCluster.dropTemplate() }
            return name
        }
    }

    private static func dropTemplate() {
        shared.withLock { cluster in
            guard let cluster, let name = cluster.template.withLock({ $0 }) else { return }
            _ = try? PostgresConnection(cluster.adminURL).execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        }
    }

    /// `url` with its database replaced.
    static func url(_ url: String, database: String) -> String {
        guard var parts = URLComponents(string: url) else { return url }
        parts.path = "/" + database
        return parts.string ?? url
    }

    private static func stopShared() {
        shared.withLock { $0?.owned?.stop() }
    }

    /// The server's port (a throwaway cluster's, or the URL's).
    public var port: Int { URLComponents(string: adminURL)?.port ?? 5432 }

    /// A cluster of its own in a temporary folder, stopped by `stop()`.
    struct Throwaway: Sendable {
        let folder: String
        let binaries: String
        let url: String
        let asNobody: Bool

        static func start() throws -> Throwaway {
            let binaries = try PostgresBinaries.folder()
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinic-pg-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let asNobody = getuid() == 0
            if asNobody { chown(folder, 65534, 65534) }
            let port = try PostgresBinaries.freeLoopbackPort()
            let data = folder + "/data"
            let log = folder + "/tools.log"
            try PostgresBinaries.initdb(binaries, data: data, asNobody: asNobody, log: log)
            try PostgresBinaries.start(
                binaries, data: data, port: port, socketFolder: folder, settings: "-c fsync=off -c max_connections=200",
                serverLog: folder + "/server.log", asNobody: asNobody, log: log)
            return Throwaway(folder: folder, binaries: binaries, url: "postgresql://clinic@127.0.0.1:\(port)/postgres", asNobody: asNobody)
        }

        func stop() {
            _ = try? PostgresBinaries.run(
                binaries + "/pg_ctl", ["-D", folder + "/data", "-m", "immediate", "-w", "stop"], asNobody: asNobody,
                log: folder + "/tools.log")
            try? FileManager.default.removeItem(atPath: folder)
        }
    }
}

/// One test's database; dropped (with its connections) when this goes away.
public final class PostgresTestDatabase: Sendable {
    public let name: String
    /// A `postgresql://` URL to it, for `PostgresConnection` and `clinic --database-url`.
    public let url: String
    private let adminURL: String

    init(name: String, url: String, adminURL: String) {
        self.name = name
        self.url = url
        self.adminURL = adminURL
    }

    /// A new connection to it.
    public func connect() throws -> PostgresConnection { try PostgresConnection(url) }

    deinit {
        _ = try? PostgresConnection(adminURL).execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }
}
