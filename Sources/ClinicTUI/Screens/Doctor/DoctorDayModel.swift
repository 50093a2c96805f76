import ClinicCore

/// A doctor's own day (today by default; `[` `]` `t` move): each appointment
/// with time, patient, status and reason. Enter opens one; `d` marks the
/// selected one completed (the core checks it is this doctor's); `g` shows the
/// doctor's stats; `w` writes the doctor's own day sheet beside the
/// database. Refreshes when a patient confirms by SMS or is checked in.
final class DoctorDayModel: ScreenModel {
    enum Action: Sendable { case open, complete, stats, waitlist, writeSheet, signOut }
    let context: AppContext
    private(set) var day: DayPicker
    private(set) var appointments: [Appointment] = []
    var list = ListState()
    private(set) var notice: (text: String, role: ThemeRole)?

    init(_ context: AppContext) {
        self.context = context
        day = DayPicker(context.today)
        reload()
        list.select(appointments.firstIndex { $0.isUpcoming(at: context.now) } ?? 0)
    }

    /// The keys; `d` as the core's policy decides it for the selected visit
    /// (dimmed before the start, with the reason in `?` and on a press).
    var bindings: [Binding<Action>] {
        let allowed = selected.flatMap { context.allowedActions(for: $0) }
        return [
            Binding([.enter], .open, "details"),
            Binding([.char("d")], .complete, "mark completed", decision: allowed?[.complete]),
            Binding([.char("g")], .stats, "my stats"),
            Binding([.char("l")], .waitlist, "my waitlist", footer: false),
            Binding([.char("w")], .writeSheet, "write day sheet"),
            Binding([.char("s")], .signOut, "sign out", footer: false),
        ]
    }
    var title: String { "My day" }
    var hints: [KeyHint] {
        [KeyHint(keys: "↑↓/jk", label: "move", inFooter: false)] + bindings.hints() + DayPicker.hints
    }

    /// The selected appointment, if any.
    var selected: Appointment? { list.selected < appointments.count ? appointments[list.selected] : nil }

    func handle(_ key: Key) -> Effect {
        if list.handle(key, page: 10) { notice = nil; return .none }
        if day.handle(key, today: context.today) { notice = nil; reload(); list.select(0); return .none }
        switch bindings.match(key) {
        case .refused(let reason)?: notice = (Format.refusal(reason), .warning)
        case .action(.open)?:
            guard let a = selected else { return .none }
            return .push(AppointmentDetailModel(context, code: a.code))
        case .action(.complete)?:
            guard let a = selected, let actor = context.actor else { return .none }
            do {
                _ = try context.store.transition(code: a.code, to: .completed, by: actor)
                notice = ("Completed \(a.code) (\(a.patient.name)).", .success)
            } catch { notice = (Format.error(error), .error) }
            reload()
        case .action(.stats)?: return .push(StatsModel(context, doctorID: context.account?.id))
        case .action(.waitlist)?:
            do {
                guard let me = try context.store.bookableDoctors().first(where: { $0.id == context.account?.id }) else {
                    notice = ("No one can wait for you: you are not bookable.", .warning); return .none
                }
                return .push(WaitlistModel(context, doctor: me))
            } catch { notice = (Format.error(error), .error) }
        case .action(.writeSheet)?: notice = DaySheetExport.write(context, date: day.date, doctorID: context.account?.id)
        case .action(.signOut)?: return .signOut
        case nil: return .unhandled
        }
        return .none
    }

    func reload() {
        guard let id = context.account?.id else { return }
        let keep = selected?.id, zone = context.timeZone
        do {
            appointments = try context.store.appointments(
                AppointmentFilter(
                    doctorID: id, from: zone.startOfDay(day.date), to: zone.startOfDay(day.date.adding(days: 1)), limit: 10_000))
        } catch {
            appointments = []; notice = (Format.error(error), .error)
        }
        list.reset(count: appointments.count, keeping: appointments.firstIndex { $0.id == keep } ?? list.selected)
    }
}
