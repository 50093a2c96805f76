import Foundation
import GRDB

extension ClinicStore {
    /// A doctor's weekly hours.
    public func hours(doctorID: Int64) throws -> WeeklyHours {
        try pool.read { db in try Self.hours(doctorID: doctorID, db) }
    }

    /// The doctors whose weekly hours have any on `weekday` (one read for a
    /// whole board, whatever the number of doctors).
    public func doctorsWorking(on weekday: Weekday) throws -> Set<Int64> {
        try pool.read { db in try Self.doctorsWorking(on: weekday, db) }
    }

    /// `doctorsWorking(on:)` in the caller's transaction.
    static func doctorsWorking(on weekday: Weekday, _ db: StoreConnection) throws -> Set<Int64> {
        Set(try Int64.fetchAll(db, sql: "SELECT DISTINCT doctor_id FROM weekly_hours WHERE weekday = ?", arguments: [weekday.rawValue]))
    }

    /// Replaces a doctor's weekly hours (admins only). Refused (`conflict`) when a
    /// future active appointment would no longer sit on a slot: move or cancel it first.
    public func setHours(doctorID: Int64, to hours: WeeklyHours, by actor: Actor) throws {
        try Policy.decide(.setHours, by: actor, facts: ScheduleFacts(doctorID: doctorID)).enforce()
        try pool.write { db in
            let calc = try self.calculator(doctorID: doctorID, db, hours: hours)
            try hours.checkFits(slotMinutes: calc.slotMinutes)
            let stranded = try self.futureActive(doctorID: doctorID, db).filter {
                if case .slot = calc.place($0.start) { return false } else { return true }
            }
            guard stranded.isEmpty else {
                throw ClinicError(
                    .conflict,
                    "these booked appointments would fall outside the new hours: "
                        + stranded.map(\.code).joined(separator: ", ") + "; move or cancel them first")
            }
            try db.execute(sql: "DELETE FROM weekly_hours WHERE doctor_id = ?", arguments: [doctorID])
            try Self.writeHours(hours, doctorID: doctorID, db)
            try Self.recordScheduleEvent(
                .hoursSet, doctorID: doctorID, detail: hours.specText.isEmpty ? "no hours" : hours.specText, by: actor, at: self.nowSeconds, db)
        }
    }

    /// Adds time off for a doctor over `[start, end)` (admins only). Refused
    /// (`conflict`) when it covers an active appointment; `addTimeOff(_:…cancelBooked:)`
    /// cancels those instead.
    @discardableResult
    public func addTimeOff(doctorID: Int64, from start: Int64, to end: Int64, note: String = "", by actor: Actor) throws -> Int64 {
        try addTimeOff(.doctor(doctorID), from: start, to: end, note: note, by: actor).timeOff.id
    }

    /// A doctor's slots on a local date, each free or taken. Started slots are
    /// left out. The viewer sees codes of taken slots when they may act on them.
    public func slots(doctorID: Int64, on date: LocalDate, viewer: Actor) throws -> DaySlots {
        try slotDay(doctorID: doctorID, on: date).seen(by: viewer, now: nowSeconds)
    }

    func slots(doctorID: Int64, on date: LocalDate, viewer: Actor, _ db: StoreConnection) throws -> DaySlots {
        try slotDay(doctorID: doctorID, on: date, db).seen(by: viewer, now: nowSeconds)
    }

    /// Every slot of a doctor's local date and who holds it, for any viewer
    /// (`SlotDay.seen(by:now:)`), in one read transaction.
    func slotDay(doctorID: Int64, on date: LocalDate) throws -> SlotDay {
        try pool.read { db in try self.slotDay(doctorID: doctorID, on: date, db) }
    }

    func slotDay(doctorID: Int64, on date: LocalDate, _ db: StoreConnection) throws -> SlotDay {
        let calc = try cachedCalculator(doctorID: doctorID, db)
        guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT active FROM account WHERE id = ?"), arguments: [doctorID]) == true else {
            throw ClinicError(.notFound, "no active doctor with id \(doctorID)")  // as booking says: nothing to offer
        }
        let tz = calc.timeZone
        let dayStart = tz.startOfDay(date), dayEnd = tz.startOfDay(date.adding(days: 1))
        var taken: [Int64: (status: AppointmentStatus, patientID: Int64, code: String)] = [:]
        let statement = try db.cachedStatement(
            sql: """
                SELECT start_at, code, patient_id, status FROM appointment
                WHERE doctor_id = ? AND start_at >= ? AND start_at < ? AND status IN \(AppointmentStatus.activeSQL)
                """)
        let rows = try StoreRow.fetchCursor(statement, arguments: [doctorID, dayStart, dayEnd])
        while let row = try rows.next() {  // active statuses only, as the query asks
            taken[row[0]] = (try row.decode(atIndex: 3), row[2], row[1])
        }
        return SlotDay(doctorID: doctorID, date: date, timeZone: tz, slots: calc.slots(on: date)) { taken[$0] }
    }

    /// The doctor's calculator from the cache while the schedule's version is
    /// the one it was built at (any change to hours, time off, profiles or
    /// settings bumps it, in any process), else built and kept.
    func cachedCalculator(doctorID: Int64, _ db: StoreConnection) throws -> SlotCalculator {
        let version = try Int64.fetchOne(db.cachedStatement(sql: "SELECT version FROM schedule_state")) ?? -1
        return try cachedCalculator(doctorID: doctorID, version: version, db)
    }

    /// The doctor's calculator at a schedule `version` the caller read (a
    /// search over many doctors reads it once).
    func cachedCalculator(doctorID: Int64, version: Int64, _ db: StoreConnection) throws -> SlotCalculator {
        if let calc = calculators.calculator(doctorID, version: version) { return calc }
        let fresh = try calculator(doctorID: doctorID, db)
        calculators.store(fresh, for: doctorID, version: version)
        return fresh
    }

    /// The slot calculator for a doctor as stored (or with replacement hours).
    func calculator(doctorID: Int64, _ db: StoreConnection, hours replacement: WeeklyHours? = nil) throws -> SlotCalculator {
        guard
            let row = try StoreRow.fetchOne(
                db,
                cachedSQL: """
                    SELECT dp.slot_minutes FROM doctor_profile dp WHERE dp.account_id = ?
                    """, arguments: [doctorID])
        else {
            throw ClinicError(.notFound, "no doctor with id \(doctorID)")
        }
        let settings = try settings(db)
        let hours = try replacement ?? Self.hours(doctorID: doctorID, db)
        let offRows = try StoreRow.fetchAll(
            db.cachedStatement(
                sql: "SELECT start_at, end_at FROM time_off WHERE doctor_id = ? UNION ALL SELECT start_at, end_at FROM clinic_closure"),
            arguments: [doctorID])
        let timeOff = offRows.map { (($0[0] as Int64)..<($0[1] as Int64)) }
        return SlotCalculator(timeZone: settings.timeZone, hours: hours, slotMinutes: row[0], timeOff: timeOff)
    }

    static func hours(doctorID: Int64, _ db: StoreConnection) throws -> WeeklyHours {
        var days: [Weekday: [WeeklyHours.Interval]] = [:]
        let rows = try StoreRow.fetchAll(
            db.cachedStatement(sql: "SELECT weekday, start_minute, end_minute FROM weekly_hours WHERE doctor_id = ?"),
            arguments: [doctorID])
        for row in rows {
            guard let day = Weekday(rawValue: row[0]) else { continue }
            days[day, default: []].append(.init(start: row[1], end: row[2]))
        }
        return try WeeklyHours(days)
    }

    static func writeHours(_ hours: WeeklyHours, doctorID: Int64, _ db: StoreConnection) throws {
        for (day, intervals) in hours.days {
            for i in intervals {
                try db.execute(
                    sql: "INSERT INTO weekly_hours (doctor_id, weekday, start_minute, end_minute) VALUES (?, ?, ?, ?)",
                    arguments: [doctorID, day.rawValue, i.start, i.end])
            }
        }
    }

    private func futureActive(doctorID: Int64, _ db: StoreConnection) throws -> [(code: String, start: Int64)] {
        try StoreRow.fetchAll(
            db,
            sql: """
                SELECT code, start_at FROM appointment WHERE doctor_id = ? AND start_at > ? AND status IN \(AppointmentStatus.activeSQL)
                """, arguments: [doctorID, nowSeconds]
        ).map { ($0[0], $0[1]) }
    }
}
