/// One connection to a PostgreSQL server over libpq: statements with text
/// parameters, typed rows, transactions, COPY and LISTEN/NOTIFY. Synchronous, as
/// the store is; use it from one thread at a time.
public final class PostgresConnection {
    let pq: LibPQConnection

    /// Connects with a `postgres://` / `postgresql://` URL or a `key=value` string.
    /// Several hosts with `target_session_attrs=read-write` reach whichever is the
    /// primary now; a failure is `invalid_input` naming libpq's reason.
    public init(_ conninfo: String) throws {
        pq = try LibPQConnection(conninfo)
    }

    /// The host and port this connection reached.
    public var host: String { pq.host }
    public var port: String { pq.port }

    /// Whether the connection still works (false once the server went away, or
    /// a pipeline could not be finished and left it in an unknown state).
    public var isOK: Bool { pq.isOK && !abandoned }
    private var abandoned = false

    /// The server process behind this connection.
    public var backendPID: Int32 { pq.backendPID }

    /// Runs one statement with `$1…$n` parameters and returns its rows.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [PostgresValue] = []) throws -> PostgresResult {
        let result = pq.exec(sql, parameters.map(\.textForm), types: parameters.map(\.typeOID))
        try check(result)
        return PostgresResult(result)
    }

    /// Statements prepared on this connection, by text and parameter types.
    private var prepared: [String: String] = [:]
    /// At most this many are kept prepared; later ones run unprepared.
    static let preparedLimit = 2_000

    private static func preparedKey(_ sql: String, _ types: [UInt32]) -> String {
        sql + "\u{0}" + types.map(String.init).joined(separator: ",")
    }

    /// Runs `commands` in one round trip (libpq's pipeline mode): all are sent,
    /// then all answers read. Returns one result per command; the first failure
    /// is thrown (the commands after it did not run: PostgreSQL skips them).
    public func pipeline(_ commands: [PostgresCommand]) throws -> [PostgresResult] {
        guard pq.enterPipeline() else {
            abandoned = true
            throw ClinicError(.internalError, "libpq refused pipeline mode: \(pq.errorMessage)", sqlState: "08006")
        }
        // What each answer belongs to: a command's index, or a statement being prepared (its key and name).
        enum Answer { case command(Int), preparing(key: String, name: String) }
        var answers: [Answer] = []
        var naming: [String: String] = [:]  // prepared in this pipeline
        var sent = true
        for (index, command) in commands.enumerated() where sent {
            let texts = command.parameters.map(\.textForm), types = command.parameters.map(\.typeOID)
            let key = Self.preparedKey(command.sql, types)
            if command.prepared, let name = prepared[key] ?? naming[key] {
                sent = pq.sendPrepared(name, texts)
            } else if command.prepared, prepared.count + naming.count < Self.preparedLimit {
                let name = "clinic_\(prepared.count + naming.count + 1)"
                naming[key] = name
                sent = pq.sendPrepare(name, command.sql, types: types) && pq.sendPrepared(name, texts)
                answers.append(.preparing(key: key, name: name))
            } else {
                sent = pq.sendQuery(command.sql, texts, types: types)
            }
            answers.append(.command(index))
        }
        guard sent, pq.pipelineSync() else {
            abandoned = true
            throw ClinicError(.internalError, "PostgreSQL connection lost: \(pq.errorMessage)", sqlState: "08006")
        }
        var results: [PostgresResult?] = Array(repeating: nil, count: commands.count)
        var failure: (any Error)?
        var lost = false
        for answer in answers {
            guard let result = pq.nextResult() else { lost = true; break }
            while pq.nextResult() != nil {}  // the command's end (NULL)
            do {
                if result.status == .pipelineAborted { continue }  // after the failure, which is thrown
                try check(result)
                switch answer {
                case .command(let index): results[index] = PostgresResult(result)
                case .preparing(let key, let name): prepared[key] = name
                }
            } catch {
                if failure == nil { failure = error }
            }
        }
        if !lost {
            while let result = pq.nextResult(), result.status != .pipelineSync {}  // the batch's end
        }
        if !pq.exitPipeline() { abandoned = true }
        if let failure { throw failure }
        guard !lost, pq.isOK else { throw ClinicError(.internalError, "PostgreSQL connection lost: \(pq.errorMessage)", sqlState: "08006") }
        return results.map { $0! }
    }

    /// Runs a script of several statements without parameters (DDL).
    public func run(script: String) throws {
        try check(pq.exec(script: script))
    }

    /// The rows of a query.
    public func query(_ sql: String, _ parameters: [PostgresValue] = []) throws -> [PostgresRow] {
        try execute(sql, parameters).rows
    }

    /// The first column of the first row (`.null` when there is none).
    public func scalar(_ sql: String, _ parameters: [PostgresValue] = []) throws -> PostgresValue {
        try query(sql, parameters).first?.values.first ?? .null
    }

    func check(_ result: LibPQResult) throws {
        guard result.status == .failed else { return }
        let e = result.error
        if e.sqlState == nil && !pq.isOK {
            throw ClinicError(.internalError, "PostgreSQL connection lost: \(e.message)", sqlState: "08006")
        }
        throw PostgresError.clinicError(sqlState: e.sqlState, message: e.message, detail: e.detail, constraint: e.constraint)
    }
}
