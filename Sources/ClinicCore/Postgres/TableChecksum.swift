/// A table's row count and SHA-256 over the canonical text of its rows in key
/// order: each row as its COPY text line (tab-separated text forms, `\N` for
/// NULL, bytes in hex). Both sides of `clinic db copy` compute it the same way.
struct TableChecksum {
    private let hash = OpenSSL.SHA256Stream()
    private var line: [UInt8] = []
    private(set) var rows = 0

    /// Adds one row's values, in the table's column order.
    mutating func add(_ values: [PostgresValue]) {
        line.removeAll(keepingCapacity: true)
        PostgresCopyWriter.encode(values, into: &line)
        hash.update(line)
        rows += 1
    }

    /// The checksum in lowercase hex.
    func finish() -> String { hash.hexDigest() }
}
