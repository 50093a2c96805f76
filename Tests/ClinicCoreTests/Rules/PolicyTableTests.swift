import ClinicCore
import Testing

/// The whole policy as one table: every action × every kind of actor × every
/// state of the thing acted on, each cell allowed or refused with its exact
/// code. Given the cast (doctor 10, patient 20 …), when each actor asks, then
/// the policy answers what the table says, and a refusal says why.
///
/// A row's pattern has one letter per actor, in the order of `actors`:
/// `A` allowed, `F` forbidden, `T` invalid_transition, `I` invalid_input,
/// `U` unauthorized (nobody signed in). Every cell must be covered by exactly
/// one row, so a new action or state cannot slip past the table.
@Suite("Policy: every (action, actor, state) cell")
struct PolicyTableTests {
    // MARK: Appointments

    /// Nobody, the appointment's patient, another patient, its doctor, another
    /// doctor, a receptionist, an admin, the shell's admin, the scheduler.
    static let appointmentActors: [Actor?] = [
        nil, Cast.patient, Cast.otherPatient, Cast.doctor, Cast.otherDoctor,
        Cast.receptionist, Cast.admin, Cast.shell, Cast.scheduler,
    ]

    /// Where the appointment is; a checked-in one came from confirmed a minute
    /// ago, a "late" one from scheduled eleven minutes ago (past the undo grace).
    enum State: CaseIterable { case scheduled, confirmed, checkedIn, checkedInLate, completed, cancelled, noShow }

    /// When it is asked: the day before the visit (check-in not open), on its
    /// day before the start, after the start, the day after (a no-show stays).
    enum Moment: CaseIterable { case dayBefore, beforeStart, afterStart, dayAfter }

    typealias Row = (actions: [AppointmentAction], states: [State], moments: [Moment], pattern: String)

    static let open: [State] = [.scheduled, .confirmed]
    static let checkedIn: [State] = [.checkedIn, .checkedInLate]
    static let active: [State] = open + checkedIn
    static let final: [State] = [.completed, .cancelled, .noShow]
    static let any = State.allCases
    static let always = Moment.allCases
    static let notStarted: [Moment] = [.dayBefore, .beforeStart]
    static let started: [Moment] = [.afterStart, .dayAfter]
    static let visitDay: [Moment] = [.beforeStart, .afterStart]
    static let otherDay: [Moment] = [.dayBefore, .dayAfter]

    static let appointmentTable: [Row] = [
        //                                                                                       N P p D d R A S X
        ([.confirm, .move(to: .confirmed)], [.scheduled], always, "UAFAFAAAF"),
        ([.confirm], [.confirmed] + checkedIn + final, always, "UTFTFTTTT"),
        ([.move(to: .confirmed)], [.confirmed] + final, always, "UTFTFTTTT"),
        ([.move(to: .confirmed)], [.checkedIn], always, "UFFFFAAAF"),
        ([.move(to: .confirmed)], [.checkedInLate], always, "UFFFFTTTF"),

        ([.checkIn, .move(to: .checkedIn)], open, [.dayBefore], "UFFFFTTTF"),
        ([.checkIn, .move(to: .checkedIn)], open, [.beforeStart] + started, "UFFFFAAAF"),
        ([.checkIn, .move(to: .checkedIn)], checkedIn + [.completed, .cancelled], always, "UTFTFTTTT"),
        // A late arrival after the no-show: the desk, on the visit's local day only.
        ([.checkIn, .move(to: .checkedIn)], [.noShow], visitDay, "UFFFFAAAF"),
        ([.checkIn, .move(to: .checkedIn)], [.noShow], otherDay, "UFFFFTTTF"),

        ([.undoCheckIn], [.checkedIn], always, "UFFFFAAAF"),
        ([.undoCheckIn], open + [.checkedInLate] + final, always, "UFFFFTTTF"),
        ([.move(to: .scheduled)], [.scheduled, .confirmed] + final, always, "UTFTFTTTT"),
        ([.move(to: .scheduled)], checkedIn, always, "UFFFFTTTF"),

        ([.complete, .move(to: .completed)], open, notStarted, "UFFTFFTTF"),
        ([.complete, .move(to: .completed)], checkedIn, notStarted, "UFFAFFAAF"),  // seen early
        ([.complete, .move(to: .completed)], active, started, "UFFAFFAAF"),
        ([.complete, .move(to: .completed)], final, always, "UTFTFTTTT"),

        ([.cancel, .move(to: .cancelled)], open, always, "UAFAFAAAF"),
        ([.cancel, .move(to: .cancelled)], checkedIn + final, always, "UTFTFTTTT"),

        ([.markNoShow, .move(to: .noShow)], open, notStarted, "UFFTFTTTT"),
        ([.markNoShow, .move(to: .noShow)], open, started, "UFFAFAAAA"),
        ([.markNoShow, .move(to: .noShow)], checkedIn + final, always, "UTFTFTTTT"),

        ([.reschedule], open, always, "UAFAFAAAF"),
        ([.reschedule], checkedIn + final, always, "UTFTFTTTF"),
        ([.writeNote], any, always, "UFFAFFAAF"),
        ([.view], any, always, "UAFAFAAAA"),
    ]

    static func facts(_ state: State, _ moment: Moment) -> AppointmentFacts {
        let now: Int64 =
            switch moment {
            case .dayBefore: Cast.start - 86_400
            case .beforeStart: Cast.before
            case .afterStart: Cast.after
            case .dayAfter: Cast.start + 86_400
            }
        var f = AppointmentFacts(
            code: "K7QX2M", status: .scheduled, doctorID: 10, patientID: 20, start: Cast.start, now: now,
            visitDayStart: Cast.start - 9 * 3600, visitDayEnd: Cast.start + 15 * 3600)
        switch state {
        case .scheduled: break
        case .confirmed: f.status = .confirmed
        case .checkedIn: (f.status, f.statusBeforeCheckIn, f.checkedInAt) = (.checkedIn, .confirmed, now - 60)
        case .checkedInLate: (f.status, f.statusBeforeCheckIn, f.checkedInAt) = (.checkedIn, .scheduled, now - 11 * 60)
        case .completed: f.status = .completed
        case .cancelled: f.status = .cancelled
        case .noShow: f.status = .noShow
        }
        return f
    }

    @Test("every appointment action, actor, status and moment", arguments: AppointmentAction.all)
    func appointments(_ action: AppointmentAction) {
        for state in State.allCases {
            for moment in Moment.allCases {
                let rows = Self.appointmentTable.filter { $0.actions.contains(action) && $0.states.contains(state) && $0.moments.contains(moment) }
                guard rows.count == 1, let row = rows.first else {
                    Issue.record("\(action) × \(state) × \(moment) is covered by \(rows.count) rows, not one"); continue
                }
                let got = Self.appointmentActors.map { Outcome(Policy.decide(action, by: $0, facts: Self.facts(state, moment))) }
                #expect(got == expected(row.pattern), "\(action) × \(state) × \(moment)")
            }
        }
    }

    // MARK: Accounts

    /// Nobody, patient 20, patient 21, doctor 10, doctor 11, receptionist 30,
    /// admin 40, admin 41, the shell's admin, the scheduler.
    static let accountActors: [Actor?] = [
        nil, Cast.patient, Cast.otherPatient, Cast.doctor, Cast.otherDoctor, Cast.receptionist,
        Cast.admin, .account(41, .admin, via: .tui), Cast.shell, Cast.scheduler,
    ]

    /// The accounts acted on: patient 20, an inactive patient 22, doctor 10,
    /// receptionist 30, admin 40, and an id no account has.
    enum Target: CaseIterable {
        case patient, inactivePatient, doctor, receptionist, admin, missing

        var facts: AccountFacts {
            switch self {
            case .patient: return AccountFacts(id: 20, role: .patient, email: "pia@clinic.test")
            case .inactivePatient: return AccountFacts(id: 22, role: .patient, active: false, email: "old@clinic.test")
            case .doctor: return AccountFacts(id: 10, role: .doctor, email: "ana@clinic.test")
            case .receptionist: return AccountFacts(id: 30, role: .receptionist, email: "rita@clinic.test")
            case .admin: return AccountFacts(id: 40, role: .admin, email: "alex@clinic.test")
            case .missing: return AccountFacts(id: 99, role: nil)
            }
        }
    }

    static let accountTable: [(actions: [AccountAction], targets: [Target], pattern: String)] = [
        //                                                                                  N P p D d R A a S X
        ([.setPassword], [.patient], "UAFFFAAAAF"),
        ([.setPassword], [.inactivePatient], "UFFFFAAAAF"),
        ([.setPassword], [.doctor], "UFFAFFAAAF"),
        ([.setPassword], [.receptionist], "UFFFFAAAAF"),
        ([.setPassword], [.admin, .missing], "UFFFFFAAAF"),
        ([.activate], Target.allCases, "UFFFFFAAAF"),
        ([.deactivate], [.patient, .inactivePatient, .doctor, .receptionist, .missing], "UFFFFFAAAF"),
        ([.deactivate], [.admin], "UFFFFFIAAF"),
        ([.unlock], [.patient, .inactivePatient], "UFFFFAAAAF"),
        ([.unlock], [.doctor, .receptionist, .admin, .missing], "UFFFFFAAAF"),
        ([.viewProfile, .updateProfile], [.patient], "UAFFFAAAAF"),
        ([.viewProfile], [.doctor], "UFFAFAAAAF"),
        ([.viewProfile], [.inactivePatient, .receptionist, .admin, .missing], "UFFFFAAAAF"),
        // Staff change their own; the desk a patient's only; an admin anyone's.
        ([.updateProfile], [.doctor], "UFFAFFAAAF"),
        ([.updateProfile], [.inactivePatient, .receptionist], "UFFFFAAAAF"),
        ([.updateProfile], [.admin, .missing], "UFFFFFAAAF"),
        // The desk's notes on a patient; a doctor's specialization and slot length are an admin's.
        ([.editNotes], [.patient, .inactivePatient, .missing], "UFFFFAAAAF"),
        ([.editNotes], [.doctor, .receptionist, .admin], "UFFFFFFFFF"),
        ([.editDoctorProfile], Target.allCases, "UFFFFFAAAF"),
        ([.actAs], [.patient, .doctor, .receptionist, .admin, .missing], "UFFFFFFFAF"),
        ([.actAs], [.inactivePatient], "UFFFFFFFFF"),
    ]

    @Test("every account action, actor and account", arguments: AccountAction.allCases.filter { $0 != .create })
    func accounts(_ action: AccountAction) {
        for target in Target.allCases {
            let rows = Self.accountTable.filter { $0.actions.contains(action) && $0.targets.contains(target) }
            guard rows.count == 1, let row = rows.first else {
                Issue.record("\(action) × \(target) is covered by \(rows.count) rows, not one"); continue
            }
            let got = Self.accountActors.map { Outcome(Policy.decide(action, by: $0, facts: target.facts)) }
            #expect(got == expected(row.pattern), "\(action) × \(target)")
        }
    }

    @Test("creating an account: patients sign up or are registered at the desk; staff are an admin's", arguments: Role.allCases)
    func create(_ role: Role) {
        //                                                   N P p D d R A a S X
        let pattern = role == .patient ? "AFFFFAAAAF" : "FFFFFFAAAF"
        let got = Self.accountActors.map { Outcome(Policy.decide(.create, by: $0, facts: .new(role))) }
        #expect(got == expected(pattern), "create \(role)")
    }

    // MARK: A doctor's schedule and the clinic

    @Test("booking into doctor 10's schedule for patient 20, hours, time off and clinic settings")
    func scheduleAndClinic() {
        let actors: [Actor?] = Self.appointmentActors
        let table: [(ScheduleAction, String)] = [
            //         N P p D d R A S X
            (.book, "UAFAFAAAF"),
            (.bookOverLimits, "UFFAFAAAF"),
            (.setHours, "UFFFFFAAF"),
            (.addTimeOff, "UFFFFFAAF"),
            (.removeTimeOff, "UFFFFFAAF"),
            (.viewStats, "UFFAFAAAF"),
            (.viewTimeOff, "UFFAFAAAF"),
            (.viewDaySheet, "UFFAFAAAF"),
        ]
        #expect(Set(table.map(\.0)) == Set(ScheduleAction.allCases))
        for (action, pattern) in table {
            let got = actors.map { Outcome(Policy.decide(action, by: $0, facts: ScheduleFacts(doctorID: 10, patientID: 20))) }
            #expect(got == expected(pattern), "\(action)")
        }
        #expect(ClinicAction.allCases == [.updateSettings, .viewClinicStats, .manageClosures, .viewVisitHistory, .readNotes, .handleReplies, .retrySMS])
        #expect(actors.map { Outcome(Policy.decide(.handleReplies, by: $0)) } == expected("UFFFFAAAF"))
        #expect(actors.map { Outcome(Policy.decide(.retrySMS, by: $0)) } == expected("UFFFFAAAF"))
        //                                                                              N P p D d R A S X
        #expect(actors.map { Outcome(Policy.decide(.viewVisitHistory, by: $0)) } == expected("UFFAAAAAF"))
        #expect(actors.map { Outcome(Policy.decide(.readNotes, by: $0)) } == expected("UFFAAFAAF"))
        #expect(actors.map { Outcome(Policy.decide(.updateSettings, by: $0)) } == expected("UFFFFFAAF"))
        #expect(actors.map { Outcome(Policy.decide(.manageClosures, by: $0)) } == expected("UFFFFFAAF"))
        #expect(actors.map { Outcome(Policy.decide(.viewClinicStats, by: $0)) } == expected("UFFFFAAAF"))
    }

    /// A pattern's letters as outcomes.
    func expected(_ pattern: String) -> [Outcome] {
        pattern.map { letter in
            switch letter {
            case "A": return .allowed
            case "F": return .refused(.forbidden)
            case "T": return .refused(.invalidTransition)
            case "I": return .refused(.invalidInput)
            case "U": return .refused(.unauthorized)
            default: return .silentRefusal
            }
        }
    }
}
