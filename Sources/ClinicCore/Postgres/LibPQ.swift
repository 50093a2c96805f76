import CLibPQ
import Foundation

/// The libpq calls the clinic makes, in Swift types. The only file that imports
/// `CLibPQ`: everything else goes through `PostgresConnection`.
final class LibPQConnection {
    private let conn: OpaquePointer

    /// Connects with a `postgres://` URL or a `key=value` connection string (several hosts
    /// and `target_session_attrs` included), in UTF-8; the error names libpq's reason.
    init(_ conninfo: String) throws {
        guard let conn = PQconnectdb(conninfo) else {
            throw ClinicError(.internalError, "libpq could not allocate a connection", sqlState: "08001")
        }
        guard PQstatus(conn) == CONNECTION_OK else {
            let reason = Self.trimmed(PQerrorMessage(conn))
            PQfinish(conn)
            throw ClinicError(.invalidInput, "cannot connect to PostgreSQL: \(reason)", sqlState: "08001")
        }
        self.conn = conn
        PQsetNoticeProcessor(conn, { _, _ in }, nil)  // NOTICEs ("… already exists, skipping") are not printed
        guard PQsetClientEncoding(conn, "UTF8") == 0 else {
            throw ClinicError(.internalError, "PostgreSQL refused the UTF8 client encoding: \(errorMessage)")
        }
    }

    deinit { PQfinish(conn) }

    /// libpq's message for the last failure on this connection.
    var errorMessage: String { Self.trimmed(PQerrorMessage(conn)) }

    /// The host and port actually connected to (the live one of a multi-host string).
    var host: String { PQhost(conn).map { String(cString: $0) } ?? "" }
    var port: String { PQport(conn).map { String(cString: $0) } ?? "" }

    /// The server's process serving this connection (`pg_notify` senders are told apart by it).
    var backendPID: Int32 { PQbackendPID(conn) }

    /// Whether the connection still works (false after the server went away).
    var isOK: Bool { PQstatus(conn) == CONNECTION_OK }

    /// One statement with `$1…$n` text parameters (nil is SQL NULL); results in text form.
    /// `types`: each parameter's type OID (0: let the server infer it), or none at all.
    func exec(_ sql: String, _ parameters: [String?], types: [UInt32] = []) -> LibPQResult {
        let result = withCStrings(parameters) { values in
            types.withUnsafeBufferPointer { oids in
                PQexecParams(conn, sql, Int32(parameters.count), types.isEmpty ? nil : oids.baseAddress, values, nil, nil, 0)
            }
        }
        return LibPQResult(result, fallback: errorMessage)
    }

    // MARK: pipeline mode (several statements sent before any answer is read)

    /// Enters libpq's pipeline mode (the connection must be idle); false when it cannot.
    func enterPipeline() -> Bool { PQenterPipelineMode(conn) == 1 }

    /// Leaves pipeline mode once every result was read; false when it cannot.
    func exitPipeline() -> Bool { PQexitPipelineMode(conn) == 1 }

    /// Queues one statement with text parameters; false when libpq could not.
    func sendQuery(_ sql: String, _ parameters: [String?], types: [UInt32]) -> Bool {
        withCStrings(parameters) { values in
            types.withUnsafeBufferPointer { oids in
                PQsendQueryParams(conn, sql, Int32(parameters.count), types.isEmpty ? nil : oids.baseAddress, values, nil, nil, 0) == 1
            }
        }
    }

    /// Queues preparing `sql` as `name`.
    func sendPrepare(_ name: String, _ sql: String, types: [UInt32]) -> Bool {
        types.withUnsafeBufferPointer { oids in PQsendPrepare(conn, name, sql, Int32(types.count), oids.baseAddress) == 1 }
    }

    /// Queues running the prepared statement `name`.
    func sendPrepared(_ name: String, _ parameters: [String?]) -> Bool {
        withCStrings(parameters) { values in PQsendQueryPrepared(conn, name, Int32(parameters.count), values, nil, nil, 0) == 1 }
    }

    /// Ends the pipeline's batch and sends it to the server.
    func pipelineSync() -> Bool { PQpipelineSync(conn) == 1 }

    /// Parameters as C strings for libpq (nil: SQL NULL), freed after `body`.
    private func withCStrings<T>(_ parameters: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> T) -> T {
        var cStrings: [UnsafeMutablePointer<CChar>?] = parameters.map { $0.flatMap { strdup($0) } }
        defer { cStrings.forEach { free($0) } }
        return cStrings.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { body(UnsafePointer($0.baseAddress)) }
        }
    }

    /// Several statements, no parameters (a migration's DDL).
    func exec(script: String) -> LibPQResult {
        LibPQResult(PQexec(conn, script), fallback: errorMessage)
    }

    /// Sends one chunk of COPY data; false when the connection failed.
    func putCopyData(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { PQputCopyData(conn, $0.baseAddress, Int32($0.count)) == 1 }
        }
    }

    /// Ends COPY: with `failure`, the server aborts the command with that message.
    func putCopyEnd(failure: String?) -> Bool { PQputCopyEnd(conn, failure) == 1 }

    /// The next pending result (after COPY), nil when there are no more.
    func nextResult() -> LibPQResult? {
        guard let result = PQgetResult(conn) else { return nil }
        return LibPQResult(result, fallback: errorMessage)
    }

    /// Reads what the server sent without blocking; false when the connection failed.
    func consumeInput() -> Bool { PQconsumeInput(conn) == 1 }

    /// The next notification already read, if any.
    func nextNotification() -> (channel: String, payload: String, senderPID: Int32)? {
        guard let notify = PQnotifies(conn) else { return nil }
        defer { PQfreemem(notify) }
        return (String(cString: notify.pointee.relname), String(cString: notify.pointee.extra), notify.pointee.be_pid)
    }

    /// The connection's socket, for `poll`.
    var socket: Int32 { PQsocket(conn) }

    /// libpq's reason a connection string or URL does not parse, or nil when it does.
    static func conninfoProblem(_ conninfo: String) -> String? {
        var error: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &error) else {
            defer { if let error { PQfreemem(error) } }
            return error.map { trimmed($0) } ?? "not a connection string"
        }
        PQconninfoFree(options)
        return nil
    }

    private static func trimmed(_ text: UnsafePointer<CChar>?) -> String {
        text.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
    }
}

/// One `PGresult`, freed with this object.
final class LibPQResult {
    private let result: OpaquePointer?
    private let fallback: String

    init(_ result: OpaquePointer?, fallback: String) {
        self.result = result
        self.fallback = fallback
    }

    deinit { PQclear(result) }

    enum Status { case commandOK, tuples, copyIn, pipelineSync, pipelineAborted, failed }

    var status: Status {
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY: return .commandOK
        case PGRES_TUPLES_OK, PGRES_SINGLE_TUPLE: return .tuples
        case PGRES_COPY_IN: return .copyIn
        case PGRES_PIPELINE_SYNC: return .pipelineSync
        case PGRES_PIPELINE_ABORTED: return .pipelineAborted
        default: return .failed
        }
    }

    var rowCount: Int { Int(PQntuples(result)) }
    var columnCount: Int { Int(PQnfields(result)) }
    func columnName(_ column: Int) -> String { String(cString: PQfname(result, Int32(column))) }
    func columnType(_ column: Int) -> UInt32 { PQftype(result, Int32(column)) }
    func isNull(_ row: Int, _ column: Int) -> Bool { PQgetisnull(result, Int32(row), Int32(column)) == 1 }

    /// A value's text form (UTF-8).
    func text(_ row: Int, _ column: Int) -> String {
        let length = Int(PQgetlength(result, Int32(row), Int32(column)))
        guard let value = PQgetvalue(result, Int32(row), Int32(column)) else { return "" }
        return value.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    /// Rows a command changed (`UPDATE 3` → 3), 0 when it says none.
    var affectedRows: Int { Int(String(cString: PQcmdTuples(result))) ?? 0 }

    /// The error's SQLSTATE, primary message, detail, constraint and table.
    var error: (sqlState: String?, message: String, detail: String?, constraint: String?) {
        func field(_ code: Int32) -> String? { PQresultErrorField(result, code).map { String(cString: $0) } }
        let message = field(clinic_PG_DIAG_MESSAGE_PRIMARY) ?? fallback
        return (field(clinic_PG_DIAG_SQLSTATE), message, field(clinic_PG_DIAG_MESSAGE_DETAIL), field(clinic_PG_DIAG_CONSTRAINT_NAME))
    }

    /// The value's type in Swift terms, from its column's type OID.
    func kind(_ column: Int) -> PostgresValue.Kind {
        switch columnType(column) {
        case clinic_PG_INT2OID, clinic_PG_INT4OID, clinic_PG_INT8OID, clinic_PG_OIDOID: return .int
        case clinic_PG_BOOLOID: return .bool
        case clinic_PG_FLOAT4OID, clinic_PG_FLOAT8OID: return .double
        case clinic_PG_BYTEAOID: return .bytes
        case clinic_PG_NUMERICOID: return .numeric
        default: return .text
        }
    }
}
