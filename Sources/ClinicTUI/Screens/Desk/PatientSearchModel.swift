import ClinicCore

/// The desk's incremental patient search (`/` on the board): every key
/// searches by name, phone or email, accent-insensitive, through the core's index; ↑↓ pick, Enter opens
/// the patient's card, Ctrl-N registers a walk-in. A 6-character appointment
/// code (`K7QX2M`, any case) finds that visit too: Enter opens it while no
/// patient is picked below it. Opened with a doctor and a day (`n` on the
/// board), Enter goes on to that doctor's free slots instead; opened with a
/// doctor's waitlist (`a` there), Enter goes on to the days of the wait.
final class PatientSearchModel: ScreenModel {
    enum Action: Sendable { case open, register }
    let context: AppContext
    var query = TextField("Find patient", maxLength: 100)
    private(set) var results: [Account] = []
    /// The age of each result that has one (two of one name told apart).
    private(set) var ages: [Int64: Int] = [:]
    /// The appointment whose code was typed, when there is one the desk may see.
    private(set) var byCode: Appointment?
    /// How many patients match (counted up to `ClinicStore.searchCandidates`), and whether more do.
    private(set) var matches = 0
    private(set) var moreThanCounted = false
    var list = ListState()
    private(set) var error: String?
    /// Set when picking the patient of a new visit with this doctor from this day.
    let booking: (doctor: DoctorListing, date: LocalDate)?
    /// Set when picking a patient for this doctor's waitlist.
    let waitlist: DoctorListing?
    /// Results shown at most.
    static let limit = 200

    init(_ context: AppContext, booking: (doctor: DoctorListing, date: LocalDate)? = nil, waitlist: DoctorListing? = nil) {
        self.context = context; self.booking = booking; self.waitlist = waitlist
        reload()
    }

    var bindings: [Binding<Action>] {
        let label = waitlist != nil ? "add to the waitlist" : booking == nil ? "open card" : "book for them"
        return [Binding([.enter], .open, label), Binding([.ctrl("n")], .register, "register walk-in")]
    }
    var title: String {
        if let waitlist { return "Waitlist for \(waitlist.name) · patient" }
        return booking.map { "Book with \($0.doctor.name) · patient" } ?? "Find a patient"
    }
    var hints: [KeyHint] { [KeyHint(keys: "↑↓", label: "move", inFooter: false)] + bindings.hints() }
    var capturesText: Bool { true }

    /// The highlighted patient, if any.
    var selected: Account? { list.selected < results.count ? results[list.selected] : nil }

    func handle(_ key: Key) -> Effect {
        switch key {
        case .up, .down, .pageUp, .pageDown: _ = list.handle(key, page: 10); return .none
        default: break
        }
        switch bindings.action(for: key) {
        case .open?:
            if let a = byCode, list.selected == 0 || results.isEmpty { return .push(AppointmentDetailModel(context, code: a.code)) }
            guard let p = selected else { return .none }
            if let waitlist {
                return .push(WaitlistJoinModel(context, target: .doctor(waitlist), patient: p, returnTo: { $0 is WaitlistModel }))
            }
            if let booking { return .push(BookSlotModel(context, doctor: booking.doctor, patient: p, from: booking.date)) }
            return .push(PatientCardModel(context, patientID: p.id))
        case .register?: return .push(RegisterPatientModel(context, typed: byCode == nil ? query.value : "", booking: booking))
        case nil:
            let before = query.value
            guard query.handle(key) else { return .unhandled }
            if query.value != before { search() }
            return .none
        }
    }

    func reload() { search(keepSelection: true) }

    /// Every key searches the database's index afresh (a few milliseconds at 100,000 patients).
    private func search(keepSelection: Bool = false) {
        let keep = keepSelection ? selected?.id : nil
        byCode = nil
        if booking == nil, waitlist == nil, let code = AppointmentCode.normalize(query.value), let actor = context.actor {
            byCode = try? context.store.appointment(code: code, viewer: actor)
        }
        do {
            let found = try context.store.patientSearch(query.value, limit: Self.limit)
            results = found.patients; matches = found.matches; moreThanCounted = found.moreThanCounted; ages = found.ages
            error = nil
        } catch {
            results = []; matches = 0; moreThanCounted = false; ages = [:]
            self.error = Format.error(error)
        }
        list.reset(count: results.count, keeping: results.firstIndex { $0.id == keep } ?? 0)
    }
}
