import ClinicCore

/// The desk's board: every doctor's appointments for one day, grouped by
/// doctor, each with time, patient, code and status (`late` from the injected
/// clock). The day is laid out from counts; only the doctors near the
/// selection have their appointments read, so a clinic with thousands of
/// appointments a day moves as fast as a small one. `c` checks the selected
/// patient in; `u` undoes a check-in within the core's grace
/// (`Policy.checkInUndoGraceSeconds`); `w` writes the day sheet beside the
/// database (`DaySheetExport`); `l` opens the selected doctor's waitlist
/// (`WaitlistModel`); `[` `]` `t` change the day; the
/// app's refresh re-reads it when the data changes.
@_spi(Tooling) public final class BoardModel: ScreenModel {
    enum Action: Sendable { case open, checkIn, undo, search, book, reschedule, cancel, sms, waitlist, writeSheet, signOut }
    /// One doctor's part of the board, laid out: where its rows and painted lines begin.
    struct Group: Sendable, Equatable {
        let doctorID: Int64
        let doctorName: String
        /// The specialization, or `inactive` for a deactivated doctor's leftovers.
        let specialization: String
        /// Appointments that day, and how many of them are active.
        let total: Int
        let active: Int
        /// Whether the doctor works on the board's weekday at all.
        var works = true
        /// Index of the group's first row among all the board's rows: a row per
        /// appointment, or one for "no appointments" (selectable, so `n` can
        /// book with a doctor who has nothing that day).
        let firstRow: Int
        /// Index of the group's heading among the painted lines (a heading, then a
        /// line per appointment or one "no appointments" line).
        let firstLine: Int
        var rows: Int { max(total, 1) }
        var lineCount: Int { 1 + rows }
    }

    let context: AppContext
    private(set) var day: DayPicker
    /// Every doctor's group in display order (bookable doctors, then inactive ones with appointments).
    private(set) var groups: [Group] = []
    /// The day in counts: totals, waiting, late.
    private(set) var summary = DaySummary.empty
    /// The bookable doctors, as listed.
    private(set) var doctors: [DoctorListing] = []
    var list = ListState()
    private(set) var notice: (text: String, role: ThemeRole)?
    /// Patients' flagged SMS replies no one has handled yet (the header's badge; `m` opens them).
    private(set) var waitingReplies = 0
    /// The appointments of the doctors near the selection, read when the selection comes near them.
    private var loaded: [Int64: [Appointment]] = [:]
    /// Rows read on each side of the selection (more than any terminal shows).
    static let window = 150

    init(_ context: AppContext) {
        self.context = context
        day = DayPicker(context.today)
        reload()
        selectNextActive()
    }

    /// The keys most used at the desk, then the day keys, then the rest: the
    /// footer shows as many as fit in that order (`?` lists them all). The
    /// keys that act on the selected visit are as the core's policy decides
    /// them for it: dimmed when refused, with the reason in `?` and on a press.
    private var primary: [Binding<Action>] {
        let allowed = selected.flatMap { context.allowedActions(for: $0) }
        return [
            Binding([.char("/")], .search, "find patient"),
            Binding([.char("c")], .checkIn, "check in", decision: allowed?[.checkIn]),
            Binding([.enter], .open, "details"),
        ]
    }
    private var secondary: [Binding<Action>] {
        let allowed = selected.flatMap { context.allowedActions(for: $0) }
        return [
            Binding([.char("n")], .book, "new visit"),
            Binding([.char("r")], .reschedule, "move", decision: allowed?[.reschedule]),
            Binding([.char("x")], .cancel, "cancel", decision: allowed?[.cancel]),
            Binding([.char("u")], .undo, "undo check-in", decision: allowed?[.undoCheckIn]),
            Binding([.char("m")], .sms, "SMS"),
            Binding([.char("l")], .waitlist, "waitlist", decision: Policy.decide(.view, by: context.actor, patientID: nil)),
            Binding([.char("w")], .writeSheet, "write day sheet", footer: false),  // in `?`: the footer keeps the visit's keys
            Binding([.char("s")], .signOut, "sign out"),
        ]
    }
    var bindings: [Binding<Action>] { primary + secondary }
    var title: String { "Today's board" }
    var hints: [KeyHint] {
        [KeyHint(keys: "↑↓/jk", label: "move", inFooter: false)] + primary.hints() + DayPicker.hints + secondary.hints()
    }

    /// The selected appointment, if any.
    var selected: Appointment? { appointment(at: list.selected) }

    /// Selectable rows: every appointment, and one per doctor without any.
    var rowCount: Int { groups.last.map { $0.firstRow + $0.rows } ?? 0 }
    /// Appointments on the board, all doctors.
    @_spi(Tooling) public var appointmentCount: Int { groups.reduce(0) { $0 + $1.total } }
    /// How many doctors the board shows.
    @_spi(Tooling) public var doctorCount: Int { groups.count }
    /// The doctor of the selected row (an appointment's, or the one with none that day).
    var selectedDoctorID: Int64? { rowCount == 0 ? nil : groups[group(ofRow: list.selected)].doctorID }
    /// Painted lines: headings, appointments, "no appointments".
    var lineCount: Int { groups.last.map { $0.firstLine + $0.lineCount } ?? 0 }

    /// The appointment on row `row`, when its doctor's part has been read (always near the selection).
    func appointment(at row: Int) -> Appointment? {
        guard row >= 0, row < rowCount else { return nil }
        let g = groups[group(ofRow: row)]
        guard let list = loaded[g.doctorID], row - g.firstRow < list.count else { return nil }
        return list[row - g.firstRow]
    }

    /// The group holding row `row` (`0..<rowCount`).
    func group(ofRow row: Int) -> Int { lastIndex { $0.firstRow <= row } }

    /// The group whose heading or rows paint line `line` (`0..<lineCount`).
    func group(ofLine line: Int) -> Int { lastIndex { $0.firstLine <= line } }

    /// The painted line of row `row`.
    func line(ofRow row: Int) -> Int {
        let g = groups[group(ofRow: row)]
        return g.firstLine + 1 + row - g.firstRow
    }

    /// The last group for which `isBefore` holds (groups are ordered by it).
    private func lastIndex(_ isBefore: (Group) -> Bool) -> Int {
        var low = 0, high = groups.count
        while low < high {
            let mid = (low + high) / 2
            if isBefore(groups[mid]) { low = mid + 1 } else { high = mid }
        }
        return max(0, low - 1)
    }

    func handle(_ key: Key) -> Effect {
        if list.handle(key, page: 10) { notice = nil; loadWindow(); return .none }
        if day.handle(key, today: context.today) {
            notice = nil; layOut(readingDoctors: false); list.select(0); loadWindow(); return .none
        }
        switch bindings.match(key) {
        case .refused(let reason)?: notice = (Format.refusal(reason), .warning)
        case .action(.open)?:
            guard let a = selected else { return .none }
            return .push(AppointmentDetailModel(context, code: a.code))
        case .action(.search)?: return .push(PatientSearchModel(context))
        case .action(.book)?:
            guard let id = selectedDoctorID ?? doctors.first?.id, let doctor = doctors.first(where: { $0.id == id }) else {
                notice = ("This doctor cannot be booked.", .warning); return .none
            }
            return .push(PatientSearchModel(context, booking: (doctor, day.date)))
        case .action(.reschedule)?:
            guard let a = selected else { notice = ("Pick a scheduled or confirmed visit.", .warning); return .none }
            return .push(RescheduleModel(context, appointment: a))
        case .action(.cancel)?:
            guard let a = selected else { notice = ("Pick a scheduled or confirmed visit.", .warning); return .none }
            return .push(ReasonedMoveModel(context, appointment: a, purpose: .cancel))
        case .action(.sms)?: return .push(SMSPanelModel(context))
        case .action(.waitlist)?:
            guard let id = selectedDoctorID ?? doctors.first?.id, let doctor = doctors.first(where: { $0.id == id }) else {
                notice = ("This doctor takes no waitlist.", .warning); return .none
            }
            return .push(WaitlistModel(context, doctor: doctor))
        case .action(.writeSheet)?: notice = DaySheetExport.write(context, date: day.date)
        case .action(.checkIn)?:
            if let a = selected, a.status == .noShow { return .push(ReasonedMoveModel(context, appointment: a, purpose: .lateArrival)) }
            checkIn()
        case .action(.undo)?: undo()
        case .action(.signOut)?: return .signOut
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
        do {
            let back = try context.store.undoCheckIn(code: a.code, by: actor)
            notice = ("Check-in of \(a.code) undone: \(Format.status(back.status)) again.", .success)
        } catch { notice = (Format.error(error), .error) }
        reload()
    }

    func reload() { layOut(readingDoctors: true) }

    /// Lays the day out from its counts (and the doctors, unless only the day changed).
    private func layOut(readingDoctors: Bool) {
        if let flash = context.flash { notice = (flash, .success); context.flash = nil }
        waitingReplies = (try? context.store.waitingReplies()) ?? 0
        let keep = selected
        let (from, to) = zoneDay
        loaded = [:]
        do {
            if readingDoctors || doctors.isEmpty { doctors = try context.store.bookableDoctors() }
            summary = try context.store.daySummary(from: from, to: to)
            var listed: [(id: Int64, name: String, specialization: String)] = doctors.map { ($0.id, $0.name, $0.specialization) }
            let bookable = Set(doctors.map(\.id))
            for id in summary.doctors.keys.sorted() where !bookable.contains(id) {  // a deactivated doctor's leftovers still show
                let name = (try? context.store.account(matching: String(id)).name) ?? "Doctor \(id)"
                listed.append((id, name, "inactive"))
            }
            // Only doctors with nothing that day need it; one read for all of them.
            let working = summary.doctors.count < listed.count ? try? context.store.doctorsWorking(on: day.date.weekday) : nil
            var row = 0, line = 0
            groups = listed.map { d in
                let counts = summary.doctors[d.id]
                var g = Group(
                    doctorID: d.id, doctorName: d.name, specialization: d.specialization,
                    total: counts?.total ?? 0, active: counts?.active ?? 0, firstRow: row, firstLine: line)
                if g.total == 0, let working { g.works = working.contains(d.id) }
                row += g.rows; line += g.lineCount
                return g
            }
        } catch {
            groups = []; summary = DaySummary.empty; notice = (Format.error(error), .error)
        }
        // the selection stays on the same appointment when it is still there
        var index = list.selected
        if let keep, let g = groups.firstIndex(where: { $0.doctorID == keep.doctor.id }) {
            load([groups[g].doctorID])
            if let offset = loaded[keep.doctor.id]?.firstIndex(where: { $0.id == keep.id }) { index = groups[g].firstRow + offset }
        }
        list.reset(count: rowCount, keeping: index)
        loadWindow()
    }

    /// Selects the first active appointment not yet over (where the desk's day is
    /// at), reading the doctors with active appointments in order, a few at a time.
    private func selectNextActive() {
        let now = context.now
        let candidates = groups.filter { $0.active > 0 }
        for start in stride(from: 0, to: candidates.count, by: 40) {
            let chunk = candidates[start..<min(start + 40, candidates.count)]
            load(chunk.map(\.doctorID))
            for g in chunk {
                if let offset = loaded[g.doctorID]?.firstIndex(where: { $0.isUpcoming(at: now) }) {
                    list.select(g.firstRow + offset)
                    loadWindow()
                    return
                }
            }
        }
    }

    /// The shown day as unix seconds, `[from, to)`.
    private var zoneDay: (from: Int64, to: Int64) {
        (context.timeZone.startOfDay(day.date), context.timeZone.startOfDay(day.date.adding(days: 1)))
    }

    /// Reads the appointments of the doctors within `window` rows of the selection that are not read yet.
    private func loadWindow() {
        guard rowCount > 0 else { return }
        let first = group(ofRow: max(0, list.selected - Self.window)), last = group(ofRow: min(rowCount - 1, list.selected + Self.window))
        let missing = groups[first...last].filter { $0.total > 0 && loaded[$0.doctorID] == nil }.map(\.doctorID)
        load(missing)
    }

    private func load(_ doctorIDs: [Int64]) {
        let missing = doctorIDs.filter { loaded[$0] == nil }
        guard !missing.isEmpty else { return }
        do {
            let read = try context.store.appointments(doctorIDs: missing, from: zoneDay.from, to: zoneDay.to)
            for id in missing { loaded[id] = read[id] ?? [] }
        } catch { notice = (Format.error(error), .error) }
    }
}
