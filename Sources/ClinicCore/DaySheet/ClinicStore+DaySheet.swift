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
            for d in listed { try Policy.decide(.viewDaySheet, by: actor, facts: ScheduleFacts(doctorID: d.id)).enforce() }
            let visits = try Self.appointments(doctorIDs: listed.map(\.id), from: from, to: to, db)
            let working = try Self.doctorsWorking(on: date.weekday, db)
            return DaySheet(
                clinicName: settings.name, date: date, timeZone: zone, madeAt: now,
                doctors: listed.map { d in
                    DaySheet.Doctor(
                        id: d.id, name: d.name, specialization: d.specialization, active: d.active, works: working.contains(d.id),
                        visits: visits[d.id] ?? [])
                })
        }
    }

    /// The doctors a sheet lists: the one asked for, or the bookable ones and
    /// the deactivated ones with visits in `[from, to)`.
    private static func sheetDoctors(
        _ doctorID: Int64?, from: Int64, to: Int64, _ db: Database
    ) throws -> [(id: Int64, name: String, specialization: String, active: Bool)] {
        let select = """
            SELECT a.id, a.name, dp.specialization, a.active FROM account a JOIN doctor_profile dp ON dp.account_id = a.id
            WHERE a.role = 'doctor'
            """
        let rows: [Row]
        if let doctorID {
            rows = try Row.fetchAll(db, sql: select + " AND a.id = ?", arguments: [doctorID])
            guard !rows.isEmpty else { throw ClinicError(.notFound, "no doctor with id \(doctorID)") }
        } else {
            rows = try Row.fetchAll(
                db,
                sql: select + """
                     AND (a.active = 1 OR EXISTS (
                        SELECT 1 FROM appointment x WHERE x.doctor_id = a.id AND x.start_at >= ? AND x.start_at < ?))
                    ORDER BY a.active DESC, dp.specialization, a.name, a.id
                    """, arguments: [from, to])
        }
        return rows.map { row -> (id: Int64, name: String, specialization: String, active: Bool) in (row[0], row[1], row[2], row[3]) }
    }
}
