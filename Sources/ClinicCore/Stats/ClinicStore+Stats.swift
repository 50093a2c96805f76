import GRDB

extension ClinicStore {
    /// Appointment counts per local month or day (newest first, at most
    /// `limit` periods, ending with the period of the latest appointment), the
    /// overall total, and per period the offered slots for utilisation.
    /// `doctorID == nil` means the whole clinic. Callers ask the policy first
    /// (`stats(…, by:)`).
    func countStats(doctorID: Int64?, grouping: StatsGrouping, limit: Int) throws -> ClinicStats {
        guard (1...1000).contains(limit) else { throw ClinicError(.invalidInput, "--limit must be 1…1000") }
        return try pool.read { db in
            let zone = try settings(db).timeZone
            if let doctorID { _ = try calculator(doctorID: doctorID, db) }  // not_found for a non-doctor
            let filter = doctorID == nil ? "" : " AND a.doctor_id = \(doctorID!)"
            // The first and last start through the (doctor, start, status) index: per doctor, two probes each.
            let range = try StoreRow.fetchOne(
                db,
                sql: doctorID == nil
                    ? """
                    SELECT MIN((SELECT MIN(start_at) FROM appointment a WHERE a.doctor_id = d.doctor_id)),
                           MAX((SELECT MAX(start_at) FROM appointment a WHERE a.doctor_id = d.doctor_id))
                    FROM (SELECT DISTINCT doctor_id FROM appointment) d
                    """ : "SELECT MIN(start_at), MAX(start_at) FROM appointment a WHERE 1 = 1" + filter)
            guard let range, let first = range[0] as Int64?, let last = range[1] as Int64? else {
                return ClinicStats(doctorID: doctorID, grouping: grouping, timeZone: zone, periods: [], overall: StatsCounts())
            }
            let bounds = Self.periods(from: zone.local(first).date, to: zone.local(last).date, grouping: grouping, limit: limit, zone: zone)
            // One range query per period on the (doctor, start, status) index (a skip-scan
            // over the doctors clinic-wide); the overall total adds whatever lies before
            // the oldest period shown.
            let perPeriod = try bounds.map { b in
                try counts(
                    db, sql: "SELECT status, COUNT(*) FROM appointment a WHERE a.start_at >= ? AND a.start_at < ?\(filter) GROUP BY status",
                    arguments: [b.start, b.end])
            }
            var overall = try counts(
                db, sql: "SELECT status, COUNT(*) FROM appointment a WHERE a.start_at < ?\(filter) GROUP BY status",
                arguments: [bounds.last?.start ?? first])
            for period in perPeriod {
                for (status, n) in period.byStatus { overall.byStatus[status, default: 0] += n }
            }
            let offered = try offeredSlots(db, doctorID: doctorID, periods: bounds)
            let periods = bounds.indices.map { i in
                StatsPeriod(
                    label: bounds[i].label, firstDay: bounds[i].firstDay, start: bounds[i].start, end: bounds[i].end,
                    counts: perPeriod[i], offeredSlots: offered[i])
            }
            return ClinicStats(doctorID: doctorID, grouping: grouping, timeZone: zone, periods: periods, overall: overall)
        }
    }

    struct PeriodBounds {
        let label: String
        let firstDay: LocalDate
        let lastDay: LocalDate
        let start: Int64
        let end: Int64
    }

    /// Periods newest first, from the one holding `last` back to the one holding `first`, at most `limit`.
    static func periods(from first: LocalDate, to last: LocalDate, grouping: StatsGrouping, limit: Int, zone: ClinicTimeZone) -> [PeriodBounds] {
        var result: [PeriodBounds] = []
        var day = grouping == .month ? last.firstOfMonth : last
        while result.count < limit {
            let next: LocalDate
            if grouping == .month {
                next = day.adding(days: LocalDate.daysIn(month: day.month, year: day.year))
            } else {
                next = day.adding(days: 1)
            }
            let label = grouping == .month ? String(day.description.prefix(7)) : day.description
            result.append(
                PeriodBounds(
                    label: label, firstDay: day, lastDay: next.adding(days: -1),
                    start: zone.startOfDay(day), end: zone.startOfDay(next)))
            let lastDayBefore = day.adding(days: -1)
            if lastDayBefore < first { break }
            day = grouping == .month ? lastDayBefore.firstOfMonth : lastDayBefore
        }
        return result
    }

    private func counts(_ db: StoreConnection, sql: String, arguments: StoreArguments = []) throws -> StatsCounts {
        var byStatus: [AppointmentStatus: Int] = [:]
        for row in try StoreRow.fetchAll(db, sql: sql, arguments: arguments) {
            byStatus[try row.decode(AppointmentStatus.self, atIndex: 0)] = row[1]
        }
        return StatsCounts(byStatus: byStatus)
    }

    /// Slots offered per period by one doctor or all, under current hours and
    /// time off. Doctors with the same hours and slot length and no time off
    /// offer the same slots: each such group is computed once and multiplied.
    private func offeredSlots(_ db: StoreConnection, doctorID: Int64?, periods: [PeriodBounds]) throws -> [Int] {
        let ids = try doctorID.map { [$0] } ?? Int64.fetchAll(db, sql: "SELECT account_id FROM doctor_profile")
        var groups: [String: (calc: SlotCalculator, doctors: Int)] = [:]
        var individual: [SlotCalculator] = []
        for id in ids {
            let calc = try calculator(doctorID: id, db)
            guard calc.timeOff.isEmpty else { individual.append(calc); continue }
            let key = "\(calc.hours.specText)|\(calc.slotMinutes)"
            groups[key, default: (calc, 0)].doctors += 1
        }
        var offered = [Int](repeating: 0, count: periods.count)
        let weighted = groups.values.map { ($0.calc, $0.doctors) } + individual.map { ($0, 1) }
        for (calc, doctors) in weighted {
            for (i, p) in periods.enumerated() {
                var day = p.firstDay
                while day <= p.lastDay {
                    offered[i] += calc.slots(on: day).count * doctors
                    day = day.adding(days: 1)
                }
            }
        }
        return offered
    }
}

extension ClinicStore {
    /// Appointment counts per local month or day (`countStats`) as `actor` may
    /// see them: a doctor's own or, for the desk and admins, any doctor's or
    /// the whole clinic's. `doctorID == nil` means the whole clinic.
    public func stats(doctorID: Int64? = nil, grouping: StatsGrouping = .month, limit: Int = 10, by actor: Actor) throws -> ClinicStats {
        if let doctorID {
            try Policy.decide(.viewStats, by: actor, facts: ScheduleFacts(doctorID: doctorID)).enforce()
        } else {
            try Policy.decide(.viewClinicStats, by: actor).enforce()
        }
        return try countStats(doctorID: doctorID, grouping: grouping, limit: limit)
    }
}
