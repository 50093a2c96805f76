import ClinicCore

/// Booking, step 1: pick a specialization (with how many doctors offer it).
final class BookSpecialtyModel: ScreenModel {
    enum Action: Sendable { case open }
    let context: AppContext
    private(set) var doctors: [DoctorListing] = []
    private(set) var specialties: [String] = []
    var list = ListState()
    private(set) var error: String?
    /// The patient booked for when the desk books on their behalf (nil: the signed-in patient).
    let patient: Account?

    init(_ context: AppContext, patient: Account? = nil) { self.context = context; self.patient = patient; reload() }

    let bindings: [Binding<Action>] = [Binding([.enter, .right], .open, "choose")]
    var title: String { patient.map { "Book for \($0.name) · specialization" } ?? "Book · specialization" }
    var hints: [KeyHint] { [KeyHint(keys: "↑↓/jk", label: "move")] + bindings.hints() }

    func handle(_ key: Key) -> Effect {
        if list.handle(key, page: 10) { return .none }
        switch bindings.action(for: key) {
        case .open?:
            guard list.selected < specialties.count else { return .none }
            let chosen = specialties[list.selected]
            return .push(BookDoctorModel(context, specialty: chosen, doctors: doctors.filter { $0.specialization == chosen }, patient: patient))
        case nil: return .unhandled
        }
    }

    func reload() {
        do {
            doctors = try context.store.bookableDoctors()
            var seen: [String] = []
            for d in doctors where !seen.contains(d.specialization) { seen.append(d.specialization) }
            specialties = seen
            list.reset(count: specialties.count)
        } catch { self.error = Format.error(error) }
    }
}
