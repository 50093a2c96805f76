/// What `clinic db copy` did, table by table, and whether both sides agree.
public struct DatabaseCopyReport: Sendable, Equatable {
    /// One table on both sides.
    public struct Table: Sendable, Equatable {
        public let name: String
        public let sourceRows: Int
        public let targetRows: Int
        public let sourceChecksum: String
        /// Nil when only the rows were counted (seeding: the seed was checked rule by rule before).
        public let targetChecksum: String?

        /// Same rows, same content (or, counted only, as many rows).
        public var matches: Bool { sourceRows == targetRows && (targetChecksum == nil || sourceChecksum == targetChecksum) }
    }

    /// Every table of the schema, in the order they were filled.
    public let tables: [Table]

    /// Every table matched (a copy that did not verify is rolled back instead of reported).
    public var verified: Bool { tables.allSatisfy(\.matches) }
}
