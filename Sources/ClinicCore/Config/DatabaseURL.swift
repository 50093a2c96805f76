import Foundation

/// Where the clinic's data lives (`database_url`, `CLINIC_DATABASE_URL`, `--database-url`):
/// a SQLite file (`sqlite:PATH`, the same as `--db PATH`) or a PostgreSQL server
/// (`postgres://…`, `postgresql://…` or a libpq `key=value` string, several hosts included).
public enum DatabaseURL: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(conninfo: String)

    /// Reads one of the forms above; anything else is `invalid_input` naming them.
    public init(parsing text: String, source: String = "database_url") throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("sqlite:") {
            var path = String(trimmed.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }  // sqlite:///abs/path
            guard !path.isEmpty else { throw ClinicError(.invalidInput, "\(source): sqlite: needs a file path, as in sqlite:clinic.sqlite") }
            self = .sqlite(path: path)
            return
        }
        let isURL = trimmed.hasPrefix("postgres://") || trimmed.hasPrefix("postgresql://")
        let isConninfo = !isURL && trimmed.range(of: #"^[A-Za-z_]+\s*="#, options: .regularExpression) != nil
        guard isURL || isConninfo else {
            throw ClinicError(
                .invalidInput,
                "\(source) must be postgres://USER@HOST/DB, postgresql://…, a connection string such as "
                    + "'host=db1,db2 dbname=clinic target_session_attrs=read-write', or sqlite:PATH")
        }
        if let problem = LibPQConnection.conninfoProblem(trimmed) {
            throw ClinicError(.invalidInput, "\(source): \(problem)")
        }
        self = .postgres(conninfo: trimmed)
    }

    /// The form to show people: a password in the URL or string replaced by `***`.
    public var redacted: String {
        switch self {
        case .sqlite(let path): return "sqlite:" + path
        case .postgres(let conninfo):
            return
                conninfo
                .replacingOccurrences(of: #"(://[^:/@?]*:)[^@/?]*@"#, with: "$1***@", options: .regularExpression)
                .replacingOccurrences(of: #"(password\s*=\s*)('[^']*'|\S+)"#, with: "$1***", options: .regularExpression)
        }
    }
}

extension ClinicConfig {
    /// The configured database: the PostgreSQL server when `database_url` named one, else the SQLite file.
    public var database: DatabaseURL { postgresURL.map { .postgres(conninfo: $0) } ?? .sqlite(path: databasePath) }

    /// Sets the database from a `database_url` value.
    mutating func setDatabase(_ url: DatabaseURL) {
        switch url {
        case .sqlite(let path): databasePath = path; postgresURL = nil
        case .postgres(let conninfo): postgresURL = conninfo
        }
    }
}
