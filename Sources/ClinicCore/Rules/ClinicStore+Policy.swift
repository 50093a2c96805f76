import GRDB

extension ClinicStore {
    /// What `actor` may do to `appointment` now, action by action
    /// (`AppointmentAction.offered`), from the same facts its transitions read:
    /// the screens build their keys from it, so they offer what the store allows.
    public func allowedActions(for appointment: Appointment, actor: Actor) throws -> AllowedActions<AppointmentAction> {
        let now = nowSeconds
        let facts = try pool.read { db in try self.appointmentFacts(code: appointment.code, now: now, visitDay: true, db).facts }
        return AllowedActions(AppointmentAction.offered) { Policy.decide($0, by: actor, facts: facts) }
    }

    /// What `actor` may do to `account`, action by action (`AccountAction.offered`).
    public func allowedActions(for account: Account, actor: Actor) -> AllowedActions<AccountAction> {
        let facts = AccountFacts(account)
        return AllowedActions(AccountAction.offered) { Policy.decide($0, by: actor, facts: facts) }
    }

    /// The actor for `clinic … --as USER`: the account read now, refused when
    /// it may not act (deactivated).
    public func actor(actingAs accountID: Int64, by actor: Actor, via: Actor.Via) throws -> Actor {
        let account = try pool.read { db in try Self.account(id: accountID, db) }
        guard let account else { throw ClinicError(.notFound, "no account with id \(accountID)") }
        try Policy.decide(.actAs, by: actor, facts: AccountFacts(account)).enforce()
        return .account(account.id, account.role, via: via)
    }

    /// Refuses a code no appointment has the way `actor` may hear it: a
    /// patient or a doctor gets the refusal someone else's appointment gives
    /// (a code tells them nothing, not even that it is missing); staff hear
    /// that it is missing.
    func refuseMissingAppointment(_ code: String, for actor: Actor, now: Int64) throws -> Never {
        let unowned = AppointmentFacts(status: .scheduled, doctorID: 0, patientID: 0, start: 0, now: now)
        try Policy.decide(.view, by: actor, facts: unowned).enforce()
        throw ClinicError(.notFound, "no appointment with code \(code.prefix(16))")
    }

    /// The facts the policy needs about appointment `code`, read in the
    /// caller's transaction. `visitDay`: also the start of the visit's local
    /// day and of the next (check-in opens then; a late arrival after a
    /// no-show is checked in until the day is over), which needs the clinic's zone.
    func appointmentFacts(code: String, now: Int64, visitDay: Bool, _ db: StoreConnection) throws -> (id: Int64, facts: AppointmentFacts) {
        guard
            let row = try StoreRow.fetchOne(
                db,
                cachedSQL: """
                    SELECT id, status, doctor_id, patient_id, start_at FROM appointment WHERE code = ?
                    """, arguments: [code])
        else {
            throw ClinicError(.notFound, "no appointment with code \(code)")
        }
        let id: Int64 = row["id"]
        var facts = AppointmentFacts(
            code: code, status: try row.decode(forColumn: "status"), doctorID: row["doctor_id"],
            patientID: row["patient_id"], start: row["start_at"], now: now)
        if visitDay, facts.status == .scheduled || facts.status == .confirmed || facts.status == .noShow {
            let zone = try settings(db).timeZone
            let date = zone.local(facts.start).date
            facts.visitDayStart = zone.startOfDay(date)
            facts.visitDayEnd = zone.startOfDay(date.adding(days: 1))
        }
        if facts.status == .checkedIn,
            let event = try StoreRow.fetchOne(
                db,
                cachedSQL: """
                    SELECT from_status, at FROM appointment_event WHERE appointment_id = ? AND to_status = 'checked_in'
                    ORDER BY id DESC LIMIT 1
                    """, arguments: [id])
        {
            facts.statusBeforeCheckIn = (event["from_status"] as String?).flatMap(AppointmentStatus.init(rawValue:))
            facts.checkedInAt = event["at"]
        }
        return (id, facts)
    }
}
