import Foundation
import GRDB

/// What a booking names (DESIGN §2, Booking).
public struct BookingRequest: Sendable {
    public var doctorID: Int64
    public var patientID: Int64
    /// Start instant, unix seconds.
    public var start: Int64
    public var reason: String
    /// Why the desk books over the clinic's booking limits (empty: the limits hold). Audited.
    public var overrideReason: String

    public init(doctorID: Int64, patientID: Int64, start: Int64, reason: String, overrideReason: String = "") {
        self.doctorID = doctorID; self.patientID = patientID; self.start = start; self.reason = reason
        self.overrideReason = overrideReason
    }
}

extension ClinicStore {
    /// Books a slot in one write transaction, or refuses with the contract's
    /// code. The partial unique index on (doctor, start) settles races between
    /// processes: the loser gets `slot_taken`.
    public func book(_ request: BookingRequest, by actor: Actor) throws -> Appointment {
        let now = nowSeconds
        return try pool.write { db in try self.book(request, by: actor, now: now, db) }
    }

    /// One booking inside the caller's write transaction (the HTTP API's
    /// bookings share one per batch: `WriteBatcher`). It enqueues the booking
    /// notice in the same transaction when the clinic's `booking_notice` is
    /// on; `notify: false` is for the demo's own visits, which stand for
    /// bookings made before the demo starts.
    func book(_ request: BookingRequest, by actor: Actor, now: Int64, notify: Bool = true, _ db: StoreConnection) throws -> Appointment {
        try bookInZone(request, by: actor, now: now, notify: notify, db).appointment
    }

    /// `book`, with the clinic's zone as this transaction read it (the
    /// doctor's calculator's: any change to the settings moves the schedule's
    /// version), for an answer that writes local times without another read.
    func bookInZone(
        _ request: BookingRequest, by actor: Actor, now: Int64, notify: Bool = true, _ db: StoreConnection
    ) throws -> (appointment: Appointment, zone: ClinicTimeZone) {
        let reason = try Self.validReason(request.reason)
        try Policy.decide(.book, by: actor, facts: ScheduleFacts(doctorID: request.doctorID, patientID: request.patientID)).enforce()
        let overriding = try Self.overrideNote(request, by: actor)
        // One read: both parties (role, active, names), the schedule's version and the booking limits;
        // with it (one round trip on PostgreSQL), the facts about the slot as this process last knew
        // the doctor's calendar and the limits. The guess is checked below, and read again if wrong.
        let selfService = actor.role == .patient
        // (SQLite: no round trips to save, and the guess would cost a day's slots per booking.)
        let guess =
            !db.isPostgres
            ? nil
            : calculators.lastKnown(request.doctorID).flatMap { known in
                (try? known.calculator.slot(startingAt: request.start)).map { slot in
                    BookingFactsQuery(
                        request, slot: slot, zone: known.calculator.timeZone, limits: overriding == nil ? known.limits : nil,
                        selfService: selfService, now: now)
                }
            }
        let factsStatement = try db.cachedStatement(sql: BookingFactsQuery.sql)
        var reads = [
            (
                statement: try db.cachedStatement(
                    sql: """
                        SELECT a.id, a.role, a.active, a.name, a.email, a.phone, (SELECT version FROM schedule_state) AS version,
                               s.max_active_visits, s.one_per_doctor_day, s.name AS clinic_name, s.booking_notice
                        FROM account a LEFT JOIN clinic_settings s ON s.id = 1 WHERE a.id IN (?, ?)
                        """), arguments: [request.doctorID, request.patientID] as StoreArguments
            )
        ]
        if let guess { reads.append((factsStatement, guess.arguments())) }
        // PostgreSQL: the insert goes out with the reads too (it is the same statement, in the same
        // transaction, that would follow them): a refusal below rolls it back.
        let speculativeCode = guess != nil ? makeCode() : nil
        if let guess, let speculativeCode {
            reads.append(
                (
                    try db.cachedStatement(sql: Self.postgresInsertSQL),
                    Self.postgresInsertArguments(request, code: speculativeCode, slot: guess.slot, reason: reason, actor: actor, now: now)
                ))
        }
        let answers = try db.rowsTogether(reads)
        // The visit the insert sent with the reads made, if it did (later reads must not count it)
        let sent: Int64? = speculativeCode != nil ? answers[2].first?[0] : nil
        var doctor: Appointment.Party?, patient: Appointment.Party?
        var version: Int64 = -1
        var limits = BookingLimits(maxActive: 0, onePerDoctorDay: false)
        var clinic = ClinicSettings.defaults.name, noticeOn = false
        for row in answers[0] {  // columns by position: a name is a lookup per read, eleven per row
            version = row[6]
            limits = BookingLimits(maxActive: row[7] ?? 0, onePerDoctorDay: row[8] ?? false)
            clinic = row[9] ?? clinic
            noticeOn = notify && (row[10] ?? true)
            guard row[2] as Bool else { continue }
            let party = Appointment.Party(id: row[0], name: row[3], email: row[4], phone: row[5])
            switch row[1] as String {
            case Role.doctor.rawValue where party.id == request.doctorID: doctor = party
            case Role.patient.rawValue where party.id == request.patientID: patient = party
            default: break
            }
        }
        guard let doctor else { throw ClinicError(.notFound, "no active doctor with id \(request.doctorID)") }
        guard let patient else { throw ClinicError(.notFound, "no active patient with id \(request.patientID)") }
        guard request.start > now else {
            throw ClinicError(.inPast, "that time has already passed; pick a later slot")
        }
        try Self.checkHorizon(request.start, now: now)
        let calc =
            try self.calculators.calculator(doctor.id, version: version)
            ?? {
                let fresh = try self.calculator(doctorID: doctor.id, db)
                self.calculators.store(fresh, for: doctor.id, version: version)
                return fresh
            }()
        if db.isPostgres { calculators.store(limits, version: version) }  // for the next booking's guess
        let slot = try calc.slot(startingAt: request.start)
        let query = BookingFactsQuery(
            request, slot: slot, zone: calc.timeZone, limits: overriding == nil ? limits : nil, selfService: selfService, now: now)
        if let guess, sent != nil, guess.slot != slot {
            // The insert went out for a slot the calendar no longer has: run the whole booking again.
            throw ClinicError(.conflict, "the doctor's calendar changed during the booking", sqlState: PostgresError.serializationFailure)
        }
        let facts = BookingFacts(
            query == guess ? answers[1].first : try StoreRow.fetchOne(factsStatement, arguments: query.arguments(excluding: sent ?? 0)))
        if facts.slotTaken { throw Self.slotTaken }
        if facts.patientBusy { throw ClinicError(.patientBusy, "the patient already has an appointment at that time") }
        if overriding == nil, facts.sameDayVisit || (limits.maxActive > 0 && facts.coming >= limits.maxActive) {
            // Throws, naming the visits
            try Self.checkLimits(limits, request, slot: slot, zone: calc.timeZone, by: actor, now: now, excluding: sent ?? 0, db)
        }
        let (id, code) =
            if let guess, let speculativeCode, guess.slot == slot {
                try insertAppointmentPostgres(
                    request, slot: slot, reason: reason, actor: actor, now: now, tried: (speculativeCode, sent), db)
            } else {
                try self.insertAppointment(request, slot: slot, reason: reason, actor: actor, now: now, db)
            }
        try Self.recordEvent(appointmentID: id, from: nil, to: .scheduled, actor: actor, at: now, note: overriding ?? "", db)
        let booked = Appointment(
            id: id, code: code, doctor: doctor, patient: patient, start: slot.start, end: slot.end,
            status: .scheduled, reason: reason, createdAt: now, createdBy: actor.accountID)
        if noticeOn {
            try Self.enqueueBookingNotice(.booking, for: booked, clinic: clinic, zone: calc.timeZone, now: now, db)
        }
        return (booked, calc.timeZone)
    }

    /// The error every lost race and taken slot gets.
    static let slotTaken = ClinicError(.slotTaken, "that slot was just taken; pick another one")

    /// How far ahead a visit may be booked: two years covers any real
    /// follow-up, and a mistyped year (2062, 9999) is refused instead of booked.
    static let horizonDays: Int64 = 731

    static func checkHorizon(_ start: Int64, now: Int64) throws {
        guard start <= now + horizonDays * 86_400 else {
            throw ClinicError(.invalidInput, "bookings open at most two years ahead; check the year")
        }
    }

    /// A reason of 1–500 characters on one line (see `StoredText`). Characters
    /// are counted as the schema's CHECK counts them (Unicode scalars), so an
    /// emoji with a skin tone counts twice and the database never refuses
    /// what passed here.
    static func validReason(_ text: String) throws -> String {
        let reason = try StoredText.checked(text, what: "the reason", limit: 500)
        guard !reason.isEmpty else { throw ClinicError(.invalidInput, "a reason for the visit is required") }
        return reason
    }

    private func insertAppointment(
        _ r: BookingRequest, slot: Slot, reason: String, actor: Actor, now: Int64,
        _ db: StoreConnection
    ) throws -> (id: Int64, code: String) {
        if db.isPostgres { return try insertAppointmentPostgres(r, slot: slot, reason: reason, actor: actor, now: now, db) }
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO appointment (code, doctor_id, patient_id, start_at, end_at, status, reason, created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 'scheduled', ?, ?, ?, ?)
                """)
        for _ in 0..<20 {
            do {
                let code = makeCode()
                try db.recoverable {
                    try statement.execute(arguments: [
                        code, r.doctorID, r.patientID, slot.start, slot.end, reason,
                        actor.accountID, now, now,
                    ])
                }
                return (try db.lastInsertedRowID, code)
            } catch let error where UniqueViolation(error) != nil {
                if UniqueViolation(error)?.names("appointment", "code") == true { continue }  // rare code collision: draw again
                throw Self.slotTaken  // the partial unique index on (doctor, start)
            }
        }
        throw ClinicError(.internalError, "could not draw a free appointment code")
    }

    /// PostgreSQL: `ON CONFLICT DO NOTHING` instead of a savepoint around the insert
    /// (two round trips fewer per booking). No row: the drawn code was taken
    /// (rarely: draw again), or the slot (the partial unique index), or else the
    /// patient is busy then (the exclusion constraint, an arbiter here too).
    /// `tried`: the outcome of the insert the booking already sent with its reads.
    private func insertAppointmentPostgres(
        _ r: BookingRequest, slot: Slot, reason: String, actor: Actor, now: Int64, tried: (code: String, id: Int64?)? = nil,
        _ db: StoreConnection
    ) throws -> (id: Int64, code: String) {
        var tried = tried
        for _ in 0..<20 {
            let code = tried?.code ?? makeCode()
            var id = tried?.id
            if tried == nil {
                try db.cachedStatement(sql: Self.postgresInsertSQL)
                    .execute(arguments: Self.postgresInsertArguments(r, code: code, slot: slot, reason: reason, actor: actor, now: now))
                if db.changesCount == 1 { id = try db.lastInsertedRowID }
            }
            tried = nil
            if let id { return (id, code) }
            let why = try StoreRow.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM appointment WHERE code = ?),
                           EXISTS (SELECT 1 FROM appointment WHERE doctor_id = ? AND start_at = ? AND status IN \(AppointmentStatus.activeSQL))
                    """, arguments: [code, r.doctorID, slot.start])
            if why?[0] == true { continue }
            if why?[1] == true { throw Self.slotTaken }
            throw PostgresError.clinicError(sqlState: PostgresError.exclusionViolation, message: "", detail: nil, constraint: "appointment_patient_busy")
        }
        throw ClinicError(.internalError, "could not draw a free appointment code")
    }

    /// The appointment's insert on PostgreSQL. It may go out with the booking's
    /// reads, before the rules looked at them (a refusal rolls it back): so it
    /// inserts nothing rather than fail when the doctor or patient id names no
    /// account, which the reads report as the refusal it is.
    static let postgresInsertSQL = """
        INSERT INTO appointment (code, doctor_id, patient_id, start_at, end_at, status, reason, created_by, created_at, updated_at)
        SELECT ?1, ?2, ?3, ?4, ?5, 'scheduled', ?6, CAST(?7 AS BIGINT), ?8, ?8
        WHERE EXISTS (SELECT 1 FROM account WHERE id = ?2) AND EXISTS (SELECT 1 FROM account WHERE id = ?3)
        ON CONFLICT DO NOTHING
        """

    static func postgresInsertArguments(
        _ r: BookingRequest, code: String, slot: Slot, reason: String, actor: Actor, now: Int64
    ) -> StoreArguments {
        [code, r.doctorID, r.patientID, slot.start, slot.end, reason, actor.accountID, now]
    }
}
