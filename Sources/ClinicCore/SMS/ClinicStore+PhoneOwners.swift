import GRDB

/// Whose number a phone is now: the account that holds it (phones are unique).
public struct PhoneOwner: Sendable, Equatable {
    public let id: Int64
    public let name: String
    public let role: Role

    public init(id: Int64, name: String, role: Role) { self.id = id; self.name = name; self.role = role }
}

extension ClinicStore {
    /// The accounts holding these numbers now, by number; a number nobody
    /// holds is left out (the SMS panel shows it bare).
    public func phoneOwners(_ phones: some Sequence<String>) throws -> [String: PhoneOwner] {
        let wanted = Array(Set(phones))
        guard !wanted.isEmpty else { return [:] }
        return try pool.read { db in
            var owners: [String: PhoneOwner] = [:]
            for chunk in stride(from: 0, to: wanted.count, by: 500).map({ Array(wanted[$0..<min($0 + 500, wanted.count)]) }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                for row in try StoreRow.fetchAll(
                    db, sql: "SELECT id, name, role, phone FROM account WHERE phone IN (\(marks))", arguments: StoreArguments(chunk))
                {
                    owners[row["phone"]] = PhoneOwner(id: row["id"], name: row["name"], role: try row.decode(forColumn: "role"))
                }
            }
            return owners
        }
    }
}
