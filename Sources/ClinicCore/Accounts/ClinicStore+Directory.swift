import GRDB

/// A doctor as patients choose one: who, what, and how long a visit is.
public struct DoctorListing: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let name: String
    public let specialization: String
    public let slotMinutes: Int

    public init(id: Int64, name: String, specialization: String, slotMinutes: Int) {
        self.id = id; self.name = name; self.specialization = specialization; self.slotMinutes = slotMinutes
    }
}

extension ClinicStore {
    /// Active doctors who can be booked, by specialization then name.
    public func bookableDoctors() throws -> [DoctorListing] {
        try pool.read { db in
            try StoreRow.fetchAll(
                db,
                sql: """
                    SELECT a.id, a.name, dp.specialization, dp.slot_minutes FROM account a
                    JOIN doctor_profile dp ON dp.account_id = a.id
                    WHERE a.role = 'doctor' AND a.active = 1
                    ORDER BY dp.specialization, a.name, a.id
                    """
            ).map { DoctorListing(id: $0[0], name: $0[1], specialization: $0[2], slotMinutes: $0[3]) }
        }
    }
}
