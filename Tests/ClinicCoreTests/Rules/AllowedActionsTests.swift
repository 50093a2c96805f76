import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// `ClinicStore.allowedActions` reads the facts the store's own transactions
/// read, so what a screen offers is what the store then does: every action it
/// refuses, the store refuses with the same code and sentence.
@Suite("ClinicStore.allowedActions: what the screens offer is what the store does")
struct AllowedActionsTests {
    let clinic: TestClinic
    let ana: Account, ben: Account, pia: Account, omar: Account, desk: Account, admin: Account
    let visit: Appointment

    init() throws {
        // Given Dr Ana's visit with Pia on Tue 3 Mar 09:00, seen on Mon 2 Mar 07:00 (New York)
        clinic = try TestClinic()
        ana = try clinic.addDoctor(name: "Dr Ana"); ben = try clinic.addDoctor(name: "Dr Ben")
        pia = try clinic.addPatient(name: "Pia"); omar = try clinic.addPatient(name: "Omar")
        desk = try clinic.addStaff(.receptionist); admin = try clinic.addStaff(.admin)
        visit = try clinic.book(doctor: ana, patient: pia, at: try clinic.local("2026-03-03", "09:00"))
    }

    func actor(_ account: Account) -> Actor { .account(account.id, account.role, via: account.role == .patient ? .kiosk : .tui) }
    var everyone: [Actor] { [pia, omar, ana, ben, desk, admin].map(actor) + [.shell] }

    func at(_ date: String, _ time: String) throws {
        clinic.clock.set(Date(timeIntervalSince1970: TimeInterval(try clinic.local(date, time))))
    }

    func allowed(_ actor: Actor) throws -> AllowedActions<AppointmentAction> {
        try clinic.store.allowedActions(for: try clinic.store.appointment(code: visit.code), actor: actor)
    }

    /// Asks the store for `action` as `actor`, through the call a screen makes for it.
    func perform(_ action: AppointmentAction, by actor: Actor) throws {
        let store = clinic.store, code = visit.code
        switch action {
        case .confirm: _ = try store.transition(code: code, to: .confirmed, by: actor)
        case .checkIn: _ = try store.transition(code: code, to: .checkedIn, by: actor)
        case .undoCheckIn: _ = try store.undoCheckIn(code: code, by: actor)
        case .complete: _ = try store.transition(code: code, to: .completed, by: actor)
        case .cancel: _ = try store.transition(code: code, to: .cancelled, by: actor)
        case .markNoShow: _ = try store.transition(code: code, to: .noShow, by: actor)
        case .reschedule: _ = try store.reschedule(code: code, to: try clinic.local("2026-03-04", "10:00"), by: actor)
        case .writeNote: _ = try store.setNote(code: code, text: "seen", by: actor)
        case .view, .move: Issue.record("not offered: \(action)")
        }
    }

    /// Every refusal `allowedActions` gives, the store gives too, word for word,
    /// and changes nothing. (A named confirm or cancel of a checked-in visit is
    /// stricter than the raw move, which is the desk's undo: not compared.)
    func refusalsMatchTheStore() throws {
        let before = try clinic.store.events(code: visit.code)
        for actor in everyone {
            let status = try clinic.store.appointment(code: visit.code).status
            for entry in try allowed(actor).entries {
                guard case .refused(let code, let reason) = entry.decision else { continue }
                if status == .checkedIn && (entry.action == .confirm || entry.action == .cancel) { continue }
                #expect(throws: ClinicError(code, reason), "\(entry.action) by \(actor)") { try perform(entry.action, by: actor) }
            }
        }
        #expect(try clinic.store.events(code: visit.code) == before)
    }

    @Test("the day before, on the day, checked in, past the undo grace, after the start, cancelled")
    func throughTheVisitsDay() throws {
        // The day before: the desk may not check in yet, and the store agrees
        try at("2026-03-02", "07:00")
        #expect(try allowed(actor(desk))[.checkIn] == .refused(.invalidTransition, "check-in opens on the day of the visit"))
        #expect(try allowed(actor(pia)).allows(.confirm) && allowed(actor(pia)).allows(.cancel))
        #expect(try allowed(actor(ben)).entries.allSatisfy { $0.decision.code == .forbidden })
        try refusalsMatchTheStore()

        // On the day the desk checks her in; the undo is offered for ten minutes, then refused
        try at("2026-03-03", "08:40")
        #expect(try allowed(actor(desk)).allows(.checkIn))
        _ = try clinic.store.transition(code: visit.code, to: .checkedIn, by: actor(desk))
        #expect(try allowed(actor(desk)).allows(.undoCheckIn) && allowed(actor(ana)).allows(.complete))  // seen early
        #expect(try allowed(actor(pia))[.cancel] == .refused(.invalidTransition, "you are checked in for \(visit.code): the desk can help with any change"))
        try refusalsMatchTheStore()
        clinic.clock.advance(by: 11 * 60)
        #expect(try allowed(actor(desk))[.undoCheckIn] == .refused(.invalidTransition, "the check-in was more than 10 minutes ago and stays"))
        try refusalsMatchTheStore()

        // After the start her doctor may complete it; then nothing more is offered to anyone
        try at("2026-03-03", "09:05")
        #expect(try allowed(actor(ana)).allows(.complete) && !allowed(actor(desk)).allows(.complete))
        _ = try clinic.store.transition(code: visit.code, to: .completed, by: actor(ana))
        for actor in everyone {
            let offered = try allowed(actor).entries.filter { $0.decision.isAllowed }.map(\.action)
            #expect(offered == (actor.role == .admin || actor.accountID == ana.id ? [.writeNote] : []), "\(actor)")
        }
        try refusalsMatchTheStore()
    }

    @Test("an account's actions: the desk sets a patient's password and unlocks it, not a colleague's; no admin deactivates themselves")
    func accounts() throws {
        let store = clinic.store
        #expect(store.allowedActions(for: pia, actor: actor(desk)).allows(.setPassword))
        #expect(store.allowedActions(for: pia, actor: actor(desk)).allows(.unlock))
        #expect(!store.allowedActions(for: ana, actor: actor(desk)).allows(.setPassword))
        let own = store.allowedActions(for: admin, actor: actor(admin))
        #expect(own[.deactivate] == .refused(.invalidInput, "you cannot deactivate your own account; another admin can"))
        #expect(throws: ClinicError(.invalidInput, "you cannot deactivate your own account; another admin can")) {
            try store.deactivate(accountID: admin.id, by: actor(admin))
        }
        let refusal = try #require(store.allowedActions(for: ana, actor: actor(desk))[.setPassword].reason)
        #expect(throws: ClinicError(.forbidden, refusal)) { try store.setPassword(accountID: ana.id, to: "long-enough-1", by: actor(desk)) }
    }

    @Test("clinic … --as USER acts as the account only while it is active")
    func actingAs() throws {
        #expect(try clinic.store.actor(actingAs: desk.id, by: .shell, via: .cli) == .account(desk.id, .receptionist, via: .cli))
        _ = try clinic.store.deactivate(accountID: desk.id, by: .shell)
        #expect(throws: ClinicError(.forbidden, "account \(desk.email!) is deactivated")) {
            try clinic.store.actor(actingAs: desk.id, by: .shell, via: .cli)
        }
        #expect(refusal { try clinic.store.actor(actingAs: 9_999, by: .shell, via: .cli) } == .notFound)
    }
}
