extension PostgresConnection {
    /// `COPY … FROM STDIN` (text format): `body` writes rows, sent in chunks as they
    /// fill; returns the rows the server stored. A throwing `body` aborts the COPY.
    @discardableResult
    public func copyIn(_ sql: String, _ body: (inout PostgresCopyWriter) throws -> Void) throws -> Int {
        let start = pq.exec(sql, [])
        try check(start)
        guard start.status == .copyIn else { throw ClinicError(.internalError, "not a COPY FROM STDIN: \(sql)") }
        var writer = PostgresCopyWriter(pq)
        do {
            try body(&writer)
            try writer.flush()
        } catch {
            _ = pq.putCopyEnd(failure: "the clinic stopped the copy: \(error)")
            while pq.nextResult() != nil {}
            throw error
        }
        guard pq.putCopyEnd(failure: nil) else { throw ClinicError(.internalError, "PostgreSQL: \(pq.errorMessage)") }
        var stored = 0
        var failure: Error?
        while let result = pq.nextResult() {
            do {
                try check(result)
                stored = result.affectedRows
            } catch {
                failure = failure ?? error
            }
        }
        if let failure { throw failure }
        return stored
    }
}

/// Rows for a `COPY … FROM STDIN` in text format: tab-separated, `\N` for NULL,
/// backslash escapes for tab, newline, carriage return and backslash.
public struct PostgresCopyWriter {
    private let pq: LibPQConnection
    private var buffer: [UInt8] = []
    private static let chunk = 1 << 16

    init(_ pq: LibPQConnection) { self.pq = pq }

    /// Adds one row (values in the COPY's column order).
    public mutating func row(_ values: [PostgresValue]) throws {
        PostgresCopyWriter.encode(values, into: &buffer)
        if buffer.count >= Self.chunk { try flush() }
    }

    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        guard pq.putCopyData(buffer) else { throw ClinicError(.internalError, "PostgreSQL: \(pq.errorMessage)") }
        buffer.removeAll(keepingCapacity: true)
    }

    /// One row's COPY text line, newline included: also the canonical text the copy's checksums hash.
    public static func encode(_ values: [PostgresValue], into out: inout [UInt8]) {
        for (i, value) in values.enumerated() {
            if i > 0 { out.append(UInt8(ascii: "\t")) }
            guard let text = value.textForm else {
                out += [UInt8(ascii: "\\"), UInt8(ascii: "N")]
                continue
            }
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                default: out.append(byte)
                }
            }
        }
        out.append(UInt8(ascii: "\n"))
    }
}
