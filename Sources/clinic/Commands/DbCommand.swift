import ArgumentParser
import ClinicCore
import Foundation

/// `clinic db …`: moving a clinic between database engines.
struct DbCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Database engines: the PostgreSQL schema, and copying a SQLite clinic into PostgreSQL.",
        subcommands: [DbMigrateCommand.self, DbCopyCommand.self])
}

/// `clinic db migrate --to postgres://…`: creates or updates the clinic's schema in a PostgreSQL database.
struct DbMigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or update the clinic's schema in a PostgreSQL database (safe to run from several machines at once).")

    @Option(
        name: [.customLong("to"), .customLong("database-url")],
        help: "The PostgreSQL database: postgres://USER@HOST/DB or a libpq string (default: CLINIC_DATABASE_URL, clinic.toml).")
    var to: String?
    @Option(help: "The config file (default: CLINIC_CONFIG or ./clinic.toml), for its database_url.") var config: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        do {
            let target = try DbCopyCommand.postgres(to, config: config)
            let applied = try PostgresMigrations.migrate(try PostgresConnection(target))
            if json {
                JSONOutput.print(["applied": applied])
            } else {
                TextOutput.line(applied.isEmpty ? "the schema is up to date" : "applied \(applied.joined(separator: ", "))")
            }
        } catch {
            throw ErrorOutput.report(error, json: json)
        }
    }
}

/// `clinic db copy --from sqlite:PATH --to postgres://…`: a verified copy into an empty database.
struct DbCopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a SQLite clinic into an empty PostgreSQL database, verified by row counts and a checksum per table.")

    @Option(help: "The SQLite clinic: sqlite:PATH or a path.") var from: String
    @Option(
        name: [.customLong("to"), .customLong("database-url")],
        help: "The PostgreSQL database: postgres://USER@HOST/DB or a libpq string (default: CLINIC_DATABASE_URL, clinic.toml).")
    var to: String?
    @Option(help: "The config file (default: CLINIC_CONFIG or ./clinic.toml), for its database_url.") var config: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        do {
            let source = try Self.sqlitePath(from)
            let target = try Self.postgres(to, config: config)
            let report = try DatabaseCopy.sqliteToPostgres(sqlitePath: source, postgres: target)
            if json {
                JSONOutput.print(DbCopyJSON(report, from: source, to: DatabaseURL.postgres(conninfo: target).redacted))
            } else {
                TextOutput.block(Self.render(report, from: source, to: DatabaseURL.postgres(conninfo: target).redacted))
            }
        } catch {
            throw ErrorOutput.report(error, json: json)
        }
    }

    /// `sqlite:PATH` or a bare path; a PostgreSQL URL here is a mistake worth naming.
    static func sqlitePath(_ text: String) throws -> String {
        if text.hasPrefix("sqlite:"), case .sqlite(let path) = try DatabaseURL(parsing: text, source: "--from") { return path }
        if text.hasPrefix("postgres") || text.contains("=") {
            throw ClinicError(.invalidInput, "--from must be a SQLite clinic (sqlite:PATH); copying out of PostgreSQL is not supported")
        }
        return text
    }

    /// `--to`, else the configured `database_url`; it must name PostgreSQL.
    static func postgres(_ text: String?, config: String?) throws -> String {
        let url: DatabaseURL
        if let text {
            url = try DatabaseURL(parsing: text, source: "--to")
        } else {
            url = try ConfigLoader.load(flags: .init(configPath: config)).database
        }
        guard case .postgres(let conninfo) = url else {
            throw ClinicError(
                .invalidInput, "--to must be a PostgreSQL database (postgres://USER@HOST/DB), not \(url.redacted)")
        }
        return conninfo
    }

    static func render(_ report: DatabaseCopyReport, from: String, to: String) -> String {
        let width = max(5, report.tables.map(\.name.count).max() ?? 0)
        func pad(_ s: String, _ n: Int) -> String { s.padding(toLength: max(n, s.count), withPad: " ", startingAt: 0) }
        func left(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }
        var lines = ["Copied sqlite:\(from) into \(to)", ""]
        lines.append("\(pad("table", width))  \(left("sqlite", 8))  \(left("postgres", 8))  \(pad("checksum", 16))  match")
        for t in report.tables {
            lines.append(
                "\(pad(t.name, width))  \(left(String(t.sourceRows), 8))  \(left(String(t.targetRows), 8))  "
                    + "\(pad(String(t.sourceChecksum.prefix(16)), 16))  \(t.matches ? "yes" : "NO")")
        }
        let rows = report.tables.map(\.sourceRows).reduce(0, +)
        lines += ["", "\(report.tables.count) tables, \(rows) rows, every count and checksum equal."]
        return lines.joined(separator: "\n")
    }
}

/// `clinic db copy --json`.
struct DbCopyJSON: Encodable {
    struct Table: Encodable {
        let table: String
        let sqlite_rows: Int
        let postgres_rows: Int
        let sqlite_checksum: String
        let postgres_checksum: String
        let match: Bool
    }
    let from: String
    let to: String
    let tables: [Table]
    let verified: Bool

    init(_ report: DatabaseCopyReport, from: String, to: String) {
        self.from = "sqlite:" + from
        self.to = to
        tables = report.tables.map {
            Table(
                table: $0.name, sqlite_rows: $0.sourceRows, postgres_rows: $0.targetRows, sqlite_checksum: $0.sourceChecksum,
                postgres_checksum: $0.targetChecksum ?? "", match: $0.matches)
        }
        verified = report.verified
    }
}
