import ClinicCore
import ClinicTesting
import Foundation
import Testing
@_spi(Tooling) @testable import ClinicTUI

/// The screens' keys follow the core's policy (`ClinicStore.allowedActions`):
/// an allowed key is in the footer; one refused for now is dimmed there; one
/// that is not the person's is left out; `?` lists every key with the reason;
/// and pressing a refused key shows the reason and changes nothing.
@Suite("Screens' keys follow the core's policy")
struct PolicyKeysTests {
    /// Dr Ana's visit with Zoë on Mon 2 Mar 2026 09:00, seen at 07:00 local.
    func clinic() throws -> (TestClinic, Account, Account, Appointment) {
        let clinic = try TestClinic()
        let ana = try clinic.addDoctor(name: "Dr Ana Moreau")
        let zoe = try clinic.addPatient(name: "Zoë Lefèvre")
        let visit = try clinic.book(doctor: ana, patient: zoe, at: clinic.local("2026-03-02", "09:00"), reason: "Palpitations")
        return (clinic, ana, zoe, visit)
    }

    /// Each hint a screen shows for a policy action, and that action.
    static let detailKeys: [(String, AppointmentAction)] = [
        ("c", .checkIn), ("u", .undoCheckIn), ("d", .complete), ("e", .writeNote), ("r", .reschedule), ("x", .cancel),
    ]

    /// Checks `hints` against the policy's decisions: reason and footer place.
    func expectFollows(
        _ hints: [KeyHint], _ keys: [(String, AppointmentAction)], _ allowed: AllowedActions<AppointmentAction>,
        _ context: String
    ) {
        for (key, action) in keys {
            guard let hint = hints.first(where: { $0.keys == key }) else { Issue.record("\(context): no \(key) key"); continue }
            let decision = allowed[action]
            #expect(hint.disabledReason == decision.reason, "\(context): \(key) (\(action))")
            #expect(hint.inFooter == (decision.code != .forbidden), "\(context): \(key) in the footer")
        }
    }

    @Test(
        "details: the desk, the doctor and the admin each get the keys the policy gives them, as the visit moves on",
        arguments: [Role.receptionist, .doctor, .admin])
    func details(_ role: Role) throws {
        let (clinic, ana, _, visit) = try clinic()
        let h: TUIHarness
        if role == .doctor {
            h = try TUIHarness(.staff, clinic: clinic); h.signIn(ana.email!, "doctor-password")
        } else {
            let staff = try clinic.addStaff(role)
            h = try TUIHarness(.staff, clinic: clinic); h.signIn(staff.email!, "staff-password")
        }
        let actor = try #require(h.context.actor)
        let detail = AppointmentDetailModel(h.context, code: visit.code)
        h.core.open(detail)
        h.width = 160
        let moments: [(String, () throws -> Void)] = [
            ("before the start", {}),
            ("checked in", { _ = try clinic.store.transition(code: visit.code, to: .checkedIn, by: .shell) }),
            ("after the start", { clinic.clock.set(TestClinic.instant("2026-03-02T14:10:00Z")) }),
            ("completed", { _ = try clinic.store.transition(code: visit.code, to: .completed, by: .shell) }),
        ]
        for (moment, change) in moments {
            try change()
            h.core.tick(at: h.time + 1, dataChanged: true)
            let allowed = try clinic.store.allowedActions(for: try clinic.store.appointment(code: visit.code), actor: actor)
            expectFollows(detail.hints, Self.detailKeys, allowed, "\(role) \(moment)")
            // the painted footer: allowed keys as keys, refused-for-now dimmed (or dropped), forbidden ones absent
            let frame = h.frame, footer = frame.line(frame.height - 1)
            for hint in detail.hints {
                let text = hint.keys + " " + hint.label
                switch (hint.disabledReason, hint.inFooter) {
                case (nil, _): #expect(frame.role(of: text) == .footerKey, "\(role) \(moment): \(text) offered: \(footer)")
                case (_?, true): #expect(frame.role(of: text).map { $0 == .dim } ?? true, "\(role) \(moment): \(text) dimmed: \(footer)")
                case (_?, false): #expect(!footer.contains(text), "\(role) \(moment): \(text) left out: \(footer)")
                }
            }
        }
    }

    @Test("? lists every key of the screen, a refused one with the reason; pressing it shows the reason and changes nothing")
    func helpAndPress() throws {
        let (clinic, _, _, visit) = try clinic()
        let desk = try clinic.addStaff(.receptionist)
        let h = try TUIHarness(.staff, clinic: clinic)
        h.signIn(desk.email!, "staff-password")
        h.core.open(AppointmentDetailModel(h.context, code: visit.code))
        h.press(.char("?"))
        let help = h.screen
        // a key that works is listed as it is; a refused one says why, wrapped under its label
        #expect(help.contains("Keys: Appointment \(visit.code)") && help.contains("c         check in  "), "\(help)")
        #expect(help.contains("u         undo check-in (the appointment is not checked in)"), "\(help)")
        #expect(
            help.contains("d         mark completed (only the appointment's doctor or an admin may │")
                && help.contains("│           complete it)"), "\(help)")
        h.press(.escape)
        let trail = try clinic.store.events(code: visit.code)
        h.press(.char("d"))
        #expect(h.screen.contains("Only the appointment's doctor or an admin may complete it."))
        h.press(.char("u"))
        #expect(h.screen.contains("The appointment is not checked in."))
        #expect(try clinic.store.events(code: visit.code) == trail)
    }

    @Test("the kiosk: confirm is dimmed once confirmed and says why when pressed; past visits offer nothing")
    func kiosk() throws {
        let (clinic, _, zoe, visit) = try clinic()
        let h = try TUIHarness(.kiosk, clinic: clinic)
        h.signIn(zoe.email!, "patient-password")
        h.press(.char("a"), .char("c"))
        #expect(h.screen.contains("Confirmed \(visit.code)."))
        h.width = 160
        #expect(h.frame.role(of: "c confirm") == .dim && h.frame.role(of: "x cancel (press twice)") == .footerKey)
        h.press(.char("c"))
        #expect(h.screen.contains("The appointment is already confirmed."))
        // once the visit is over it is a past one, and neither key works on it
        clinic.clock.set(TestClinic.instant("2026-03-02T14:40:00Z"))
        _ = try clinic.store.transition(code: visit.code, to: .completed, by: .shell)
        h.press(.tab)
        let model = try #require(h.core.top as? MyAppointmentsModel)
        #expect(model.showingPast && model.selected?.code == visit.code)
        #expect(model.hints.filter { $0.keys == "c" || $0.keys == "x" }.allSatisfy { $0.disabledReason != nil })
    }

    @Test("the board and the patient card dim what the selected visit refuses; the card's account keys follow the policy")
    func boardAndCard() throws {
        let (clinic, _, zoe, visit) = try clinic()
        let desk = try clinic.addStaff(.receptionist)
        let h = try TUIHarness(.staff, clinic: clinic)
        h.signIn(desk.email!, "staff-password")
        let board = try #require(h.core.top as? BoardModel)
        #expect(board.selected?.code == visit.code)
        let keys: [(String, AppointmentAction)] = [("c", .checkIn), ("u", .undoCheckIn), ("r", .reschedule), ("x", .cancel)]
        let actor = try #require(h.context.actor)
        expectFollows(board.hints, keys, try clinic.store.allowedActions(for: visit, actor: actor), "board")
        h.width = 160
        #expect(h.frame.role(of: "u undo check-in") == .dim && h.frame.role(of: "c check in") == .footerKey)
        let card = PatientCardModel(h.context, patientID: zoe.id)
        h.core.open(card)
        expectFollows(card.hints, keys.filter { $0.0 != "u" }, try clinic.store.allowedActions(for: visit, actor: actor), "card")
        let account = clinic.store.allowedActions(for: zoe, actor: actor)
        #expect(card.hints.first { $0.keys == "p" }?.disabledReason == account[.setPassword].reason)
        #expect(card.hints.first { $0.keys == "u" }?.disabledReason == account[.unlock].reason)
    }

    @Test("staff accounts: an admin's own account is not theirs to deactivate; hours are a doctor's")
    func staffAccounts() throws {
        let clinic = try TestClinic()
        let admin = try clinic.addStaff(.admin)
        try clinic.addDoctor(name: "Dr Ana Moreau")
        let h = try TUIHarness(.staff, clinic: clinic)
        h.signIn(admin.email!, "staff-password")
        let accounts = StaffAccountsModel(h.context)
        h.core.open(accounts)
        #expect(accounts.selected?.id == admin.id)  // admins are listed first
        #expect(accounts.hints.first { $0.keys == "x" }?.disabledReason == "you cannot deactivate your own account; another admin can")
        h.press(.char("x"))
        #expect(h.screen.contains("You cannot deactivate your own account; another admin can.") && accounts.pendingDeactivate == nil)
        #expect(accounts.hints.first { $0.keys == "h" }?.disabledReason == "only doctors have hours")
        h.press(.char("h"))
        #expect(h.core.top === accounts && h.screen.contains("Only doctors have hours."))
        h.press(.down)
        #expect(accounts.selected?.role == .doctor)
        #expect(accounts.hints.allSatisfy { $0.disabledReason == nil || $0.keys == "↑↓/jk" })
    }
}
