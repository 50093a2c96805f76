import GRDB

extension ClinicStore {
    /// Days an earliest-free-slot search looks at by default.
    public static let nextFreeSlotsHorizonDays = 60
    /// The most slots one search returns.
    public static let nextFreeSlotsMaxLimit = 100

    /// The next `limit` free slots from `from` (default today) on across the
    /// doctors of `scope`, earliest first, a tie by the doctor's name: exactly
    /// the slots `slots(doctorID:on:viewer:)` calls free (DST-correct, time
    /// off and started slots left out, inactive doctors left out, nothing past
    /// the booking window). Day by day for at most `horizonDays` days; fewer
    /// slots than asked for (`exhausted`) means the horizon ran out. A day
    /// costs one read of the active appointments of the doctors who work that
    /// day (a day of many doctors a few, from its start as far as the list
    /// needs: `FreeSlotSearch`). Free slots carry no codes: whoever may see a doctor's
    /// slots may see these. `not_found` for an unknown or inactive doctor and
    /// for a specialization no active doctor has (the message lists those there are).
    public func nextFreeSlots(
        _ scope: SlotSearchScope, from: LocalDate? = nil, limit: Int = 5, horizonDays: Int = nextFreeSlotsHorizonDays
    ) throws -> NextFreeSlots {
        guard (1...Self.nextFreeSlotsMaxLimit).contains(limit) else {
            throw ClinicError(.invalidInput, "the limit must be 1–\(Self.nextFreeSlotsMaxLimit)")
        }
        guard (1...Int(Self.horizonDays)).contains(horizonDays) else {
            throw ClinicError(.invalidInput, "the search looks 1–\(Self.horizonDays) days ahead")
        }
        let now = nowSeconds
        return try pool.read { db in
            let doctors = try Self.searchedDoctors(scope, db)
            let version = try Int64.fetchOne(db.cachedStatement(sql: "SELECT version FROM schedule_state")) ?? -1
            let calculators = try doctors.map { try cachedCalculator(doctorID: $0, version: version, db) }
            var search = FreeSlotSearch(doctorIDs: doctors, calculators: calculators, now: now, limit: limit)
            let zone = calculators[0].timeZone
            let today = zone.local(now).date
            let first = max(today, from ?? today)
            guard zone.startOfDay(first) <= search.windowEnd else {
                throw ClinicError(.invalidInput, "bookings open at most two years ahead; check the year")
            }
            var through = first
            var reader = TakenStartsReader()
            for offset in 0..<horizonDays {
                let day = first.adding(days: offset)
                guard zone.startOfDay(day) <= search.windowEnd else { break }
                through = day
                try search.add(day) { ids, range in
                    try reader.taken(ids, in: range) { ids, range in try Self.takenStarts(doctorIDs: ids, in: range, db) }
                }
                if search.isFull { break }
            }
            let listings = try Self.listings(ids: search.found.map(\.doctorID), db)
            let entries = search.found.compactMap { f in listings[f.doctorID].map { NextFreeSlots.Entry(doctor: $0, slot: f.slot) } }
            return NextFreeSlots(entries: entries, timeZone: zone, from: first, through: through, limit: limit)
        }
    }

    /// The ids of the active doctors of a scope, by name (then id: the order
    /// of ties). Ids only: a thousand doctors' names are read for the few found.
    static func searchedDoctors(_ scope: SlotSearchScope, _ db: StoreConnection) throws -> [Int64] {
        // The active doctors first (the (role, name) index), then their profiles: as one join,
        // PostgreSQL's planner merged it through the whole account key (every patient read, 2.7 ms
        // at 20,000 patients), taking the doctors' ids to come early.
        func doctorIDs(account: String = "", profile: String = "", _ arguments: StoreArguments = []) throws -> [Int64] {
            try Int64.fetchAll(
                db.cachedStatement(
                    sql: """
                        WITH d AS MATERIALIZED (SELECT id, name FROM account WHERE role = 'doctor' AND active = 1\(account))
                        SELECT d.id FROM d JOIN doctor_profile dp ON dp.account_id = d.id\(profile) ORDER BY d.name, d.id
                        """), arguments: arguments)
        }
        switch scope {
        case .anyDoctor:
            let all = try doctorIDs()
            guard !all.isEmpty else { throw ClinicError(.notFound, "the clinic has no active doctors") }
            return all
        case .doctor(let id):
            let one = try doctorIDs(account: " AND id = ?", [id])
            guard !one.isEmpty else { throw ClinicError(.notFound, "no active doctor with id \(id)") }
            return one
        case .specialization(let asked):
            let exact = try doctorIDs(profile: " WHERE dp.specialization = ?", [asked])
            if !exact.isEmpty { return exact }
            let known = try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT dp.specialization FROM doctor_profile dp JOIN account a ON a.id = dp.account_id
                    WHERE a.role = 'doctor' AND a.active = 1 ORDER BY dp.specialization
                    """)
            if let match = known.first(where: { $0.lowercased() == asked.lowercased() }) {
                return try doctorIDs(profile: " WHERE dp.specialization = ?", [match])
            }
            let list = known.isEmpty ? "the clinic has no active doctors" : "known: " + known.joined(separator: ", ")
            throw ClinicError(.notFound, "no active doctor has the specialization '\(asked)'; \(list)")
        }
    }

    /// The listings of the doctors found, by id.
    static func listings(ids: [Int64], _ db: StoreConnection) throws -> [Int64: DoctorListing] {
        guard !ids.isEmpty else { return [:] }
        let rows = try StoreRow.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT a.id, a.name, dp.specialization, dp.slot_minutes FROM doctor_profile dp
                    JOIN account a ON a.id = dp.account_id WHERE a.id IN (SELECT value FROM json_each(?))
                    """), arguments: [Self.jsonArray(Array(Set(ids)))])
        var out: [Int64: DoctorListing] = [:]
        for row in rows {
            let listing = DoctorListing(id: row[0], name: row[1], specialization: row[2], slotMinutes: row[3])
            out[listing.id] = listing
        }
        return out
    }

    /// `[1,2,3]`: ids as one statement argument (read back with `json_each`).
    static func jsonArray(_ ids: [Int64]) -> String { "[" + ids.map(String.init).joined(separator: ",") + "]" }

    /// The starts of active appointments in `range` of the given doctors: one
    /// read over the partial unique index (doctor, start) of active visits.
    static func takenStarts(doctorIDs: [Int64], in range: ClosedRange<Int64>, _ db: StoreConnection) throws -> Set<FreeSlotSearch.Key> {
        let statement = try db.cachedStatement(sql: takenStartsSQL)
        let ids = jsonArray(doctorIDs)
        var taken = Set<FreeSlotSearch.Key>()
        let rows = try StoreRow.fetchCursor(statement, arguments: [ids, range.lowerBound, range.upperBound])
        while let row = try rows.next() { taken.insert(FreeSlotSearch.Key(doctorID: row[0], start: row[1])) }
        return taken
    }

    /// The read behind `takenStarts` (the doctors as a JSON array, so one
    /// prepared statement serves any number of them); public to tooling for
    /// its query plan (a search of the (doctor, start) index per doctor).
    @_spi(Tooling) public static let takenStartsSQL = """
        SELECT doctor_id, start_at FROM appointment
        WHERE doctor_id IN (SELECT value FROM json_each(?)) AND start_at BETWEEN ? AND ?
        AND status IN \(AppointmentStatus.activeSQL)
        """
}
