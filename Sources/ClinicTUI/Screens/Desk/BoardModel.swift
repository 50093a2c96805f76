import ClinicCore

/// The desk's board: every doctor's appointments for one day, grouped by
/// doctor, each with time, patient, code and status (`late` from the injected
/// clock). `c` checks the selected patient in; `u` undoes a check-in within
/// the core's grace (`StatusRules.checkInUndoGraceSeconds`); `[` `]` `t`
/// change the day; the app's refresh re-reads it when the data changes.
public final class BoardModel: ScreenModel {
    enum Action: Sendable { case open, checkIn, undo, search, book, reschedule, cancel, sms, signOut }
    /// One doctor's part of the board.
    public struct Group: Sendable, Equatable {
        public let doctorID: Int64
        public let doctorName: String
        /// The specialization, or `inactive` for a deactivated doctor's leftovers.
        public let specialization: String
        public let appointments: [Appointment]
    }

    let context: AppContext
    public private(set) var day: DayPicker
    public private(set) var groups: [Group] = []
    /// Every appointment on the board in display order (what the selection moves over).
    public private(set) var rows: [Appointment] = []
    /// The bookable doctors, as listed.
    public private(set) var doctors: [DoctorListing] = []
    public internal(set) var list = ListState()
    public private(set) var notice: (text: String, role: ThemeRole)?

    public init(_ context: AppContext) {
        self.context = context
        day = DayPicker(context.today)
        reload()
        list.select(rows.firstIndex { $0.end > context.now && $0.status.isActive } ?? 0)
    }

    let bindings: [Binding<Action>] = [
        Binding([.char("/")], .search, "find patient"),
        Binding([.char("c")], .checkIn, "check in"),
        Binding([.enter], .open, "details"),
        Binding([.char("u")], .undo, "undo check-in", footer: false),
        Binding([.char("n")], .book, "new visit with this doctor", footer: false),
        Binding([.char("r")], .reschedule, "move the visit", footer: false),
        Binding([.char("x")], .cancel, "cancel the visit", footer: false),
        Binding([.char("m")], .sms, "SMS messages", footer: false),
        Binding([.char("s")], .signOut, "sign out", footer: false),
    ]
    public var title: String { "Today's board" }
    public var hints: [KeyHint] {
        [KeyHint(keys: "↑↓/jk", label: "move", inFooter: false)] + bindings.hints() + DayPicker.hints
    }

    /// The selected appointment, if any.
    public var selected: Appointment? { list.selected < rows.count ? rows[list.selected] : nil }

    public func handle(_ key: Key) -> Effect {
        if list.handle(key, page: 10) { notice = nil; return .none }
        if day.handle(key, today: context.today) {
            notice = nil; reload(); list.select(0); return .none
        }
        switch bindings.action(for: key) {
        case .open?:
            guard let a = selected else { return .none }
            return .push(AppointmentDetailModel(context, code: a.code))
        case .search?: return .push(PatientSearchModel(context))
        case .book?:
            guard let id = selected?.doctor.id ?? doctors.first?.id, let doctor = doctors.first(where: { $0.id == id }) else {
                notice = ("This doctor cannot be booked.", .warning); return .none
            }
            return .push(PatientSearchModel(context, booking: (doctor, day.date)))
        case .reschedule?, .cancel?:
            guard let a = selected, a.status == .scheduled || a.status == .confirmed else {
                notice = ("Pick a scheduled or confirmed visit.", .warning); return .none
            }
            return bindings.action(for: key) == .cancel ? .push(CancelVisitModel(context, appointment: a))
                                                        : .push(RescheduleModel(context, appointment: a))
        case .sms?: return .push(SMSPanelModel(context))
        case .checkIn?: checkIn()
        case .undo?: undo()
        case .signOut?: return .signOut
        case nil: return .unhandled
        }
        return .none
    }

    private func checkIn() {
        guard let a = selected, let actor = context.actor else { return }
        do {
            _ = try context.store.transition(code: a.code, to: .checkedIn, by: actor)
            notice = ("Checked in \(a.patient.name) (\(a.code)). u undoes it.", .success)
        } catch { notice = (Format.error(error), .error) }
        reload()
    }

    private func undo() {
        guard let a = selected, let actor = context.actor else { return }
        guard a.status == .checkedIn else { notice = ("\(a.code) is not checked in.", .warning); return }
        do {
            let back = try context.store.undoCheckIn(code: a.code, by: actor)
            notice = ("Check-in of \(a.code) undone: \(Format.status(back.status)) again.", .success)
        } catch { notice = (Format.error(error), .error) }
        reload()
    }

    public func reload() {
        if let flash = context.flash { notice = (flash, .success); context.flash = nil }
        let keep = selected?.id
        let zone = context.timeZone
        do {
            doctors = try context.store.bookableDoctors()
            let all = try context.store.appointments(AppointmentFilter(
                from: zone.startOfDay(day.date), to: zone.startOfDay(day.date.adding(days: 1)), limit: 100_000))
            var byDoctor: [Int64: [Appointment]] = [:]
            for a in all { byDoctor[a.doctor.id, default: []].append(a) }
            var listed = Set<Int64>()
            groups = doctors.map { d in
                listed.insert(d.id)
                return Group(doctorID: d.id, doctorName: d.name, specialization: d.specialization, appointments: byDoctor[d.id] ?? [])
            }
            for a in all where !listed.contains(a.doctor.id) { // a deactivated doctor's leftovers still show
                listed.insert(a.doctor.id)
                groups.append(Group(doctorID: a.doctor.id, doctorName: a.doctor.name, specialization: "inactive",
                                    appointments: byDoctor[a.doctor.id] ?? []))
            }
        } catch {
            groups = []; notice = (Format.error(error), .error)
        }
        rows = groups.flatMap(\.appointments)
        list.reset(count: rows.count, keeping: rows.firstIndex { $0.id == keep } ?? list.selected)
    }
}
