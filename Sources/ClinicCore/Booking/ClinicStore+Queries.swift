import Foundation
import GRDB

/// Which appointments to list.
public struct AppointmentFilter: Sendable {
    public var doctorID: Int64?
    public var patientID: Int64?
    /// Unix seconds, half-open `[from, to)` on the start.
    public var from: Int64?
    public var to: Int64?
    public var status: AppointmentStatus?
    public var limit: Int

    public init(
        doctorID: Int64? = nil, patientID: Int64? = nil, from: Int64? = nil, to: Int64? = nil,
        status: AppointmentStatus? = nil, limit: Int = 1000
    ) {
        self.doctorID = doctorID; self.patientID = patientID; self.from = from; self.to = to
        self.status = status; self.limit = limit
    }
}

extension ClinicStore {
    /// Appointments matching a filter, by start time.
    public func appointments(_ filter: AppointmentFilter) throws -> [Appointment] {
        try pool.read { db in
            var clauses: [String] = []
            var args: [any DatabaseValueConvertible] = []
            if let v = filter.doctorID { clauses.append("a.doctor_id = ?"); args.append(v) }
            if let v = filter.patientID { clauses.append("a.patient_id = ?"); args.append(v) }
            if let v = filter.from { clauses.append("a.start_at >= ?"); args.append(v) }
            if let v = filter.to { clauses.append("a.start_at < ?"); args.append(v) }
            if let v = filter.status { clauses.append("a.status = ?"); args.append(v.rawValue) }
            let whereSQL = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
            args.append(filter.limit)
            return try StoreRow.fetchAll(
                db, sql: Appointment.selectSQL + whereSQL + " ORDER BY a.start_at, a.id LIMIT ?",
                arguments: StoreArguments(args)
            ).map(Appointment.init(row:))
        }
    }

    /// One appointment by its public code.
    public func appointment(code: String) throws -> Appointment {
        let normal = try AppointmentCode.checked(code)
        return try pool.read { db in
            guard let row = try StoreRow.fetchOne(db, sql: Appointment.selectSQL + " WHERE a.code = ?", arguments: [normal]) else {
                throw ClinicError(.notFound, "no appointment with code \(normal)")
            }
            return try Appointment(row: row)
        }
    }

    /// One appointment as `viewer` may see it. Someone it is not theirs to
    /// see (a patient, a doctor) gets `forbidden` for a code that does not
    /// exist as for one that is another's, so the answer says nothing about
    /// either; staff get `not_found`.
    public func appointment(code: String, viewer: Actor) throws -> Appointment {
        let found: Appointment?
        do { found = try appointment(code: code) } catch let error as ClinicError where error.code == .notFound || error.code == .invalidInput {
            found = nil
        }
        guard let found else { try refuseMissingAppointment(code, for: viewer, now: nowSeconds) }
        let facts = AppointmentFacts(
            code: found.code, status: found.status, doctorID: found.doctor.id, patientID: found.patient.id, start: found.start,
            now: nowSeconds)
        try Policy.decide(.view, by: viewer, facts: facts).enforce()
        return found
    }

    static func appointment(id: Int64, _ db: StoreConnection) throws -> Appointment? {
        try StoreRow.fetchOne(db, cachedSQL: Appointment.selectSQL + " WHERE a.id = ?", arguments: [id]).map(Appointment.init(row:))
    }
}
