import GRDB

/// One of a patient's visits as their history shows it: the visit, and the
/// doctor's note when the viewer may read clinical notes.
public struct VisitRecord: Sendable, Equatable {
    public let appointment: Appointment
    /// The note (several lines possibly); nil when there is none or the viewer may not read notes.
    public let note: String?
}

extension ClinicStore {
    /// A patient's visits at the clinic, every doctor's, oldest first: for a
    /// doctor looking at one of them. The desk sees the visits, not the notes
    /// (`readNotes`: doctors and admins). One read transaction.
    public func visitHistory(patientID: Int64, by viewer: Actor) throws -> [VisitRecord] {
        try Policy.decide(.viewVisitHistory, by: viewer).enforce()
        let notes = Policy.decide(.readNotes, by: viewer).isAllowed
        return try pool.read { db in
            guard try String.fetchOne(db, sql: "SELECT role FROM account WHERE id = ?", arguments: [patientID]) == Role.patient.rawValue else {
                throw ClinicError(.notFound, "no patient with id \(patientID)")
            }
            let visits = try StoreRow.fetchAll(
                db, sql: Appointment.selectSQL + " WHERE a.patient_id = ? ORDER BY a.start_at, a.id", arguments: [patientID]
            ).map(Appointment.init(row:))
            var texts: [Int64: String] = [:]
            if notes {
                for row in try StoreRow.fetchAll(
                    db,
                    sql: "SELECT n.appointment_id, n.text FROM appointment_note n JOIN appointment a ON a.id = n.appointment_id WHERE a.patient_id = ?",
                    arguments: [patientID])
                {
                    texts[row[0]] = row[1]
                }
            }
            return visits.map { VisitRecord(appointment: $0, note: texts[$0.id]) }
        }
    }
}
