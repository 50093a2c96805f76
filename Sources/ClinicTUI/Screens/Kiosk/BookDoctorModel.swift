import ClinicCore

/// Booking, step 2: pick a doctor of the chosen specialization.
final class BookDoctorModel: ScreenModel {
    enum Action: Sendable { case open }
    let context: AppContext
    let specialty: String
    let doctors: [DoctorListing]
    var list: ListState
    /// The patient booked for by the desk (nil: the signed-in patient).
    let patient: Account?

    init(_ context: AppContext, specialty: String, doctors: [DoctorListing], patient: Account? = nil) {
        self.context = context; self.specialty = specialty; self.doctors = doctors; self.patient = patient
        list = ListState(count: doctors.count)
    }

    let bindings: [Binding<Action>] = [Binding([.enter, .right], .open, "choose")]
    var title: String { "Book · doctor" }
    var hints: [KeyHint] { [KeyHint(keys: "↑↓/jk", label: "move")] + bindings.hints() }

    func handle(_ key: Key) -> Effect {
        if list.handle(key, page: 10) { return .none }
        switch bindings.action(for: key) {
        case .open?:
            guard list.selected < doctors.count else { return .none }
            return .push(BookSlotModel(context, doctor: doctors[list.selected], patient: patient))
        case nil: return .unhandled
        }
    }
}
