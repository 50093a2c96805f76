import ClinicCore

/// Booking, step 2: pick a doctor of the chosen specialization, or the first
/// row (or `e`), "Earliest available (any doctor)": the next free slots across
/// all of them. The selection starts on the first doctor.
final class BookDoctorModel: ScreenModel {
    enum Action: Sendable { case open, earliest }
    let context: AppContext
    let specialty: String
    let doctors: [DoctorListing]
    /// Row 0 is the earliest-available row; the doctors follow.
    var list: ListState
    /// The patient booked for by the desk (nil: the signed-in patient).
    let patient: Account?

    /// The first row's text.
    static let earliestRow = "Earliest available (any doctor)"

    init(_ context: AppContext, specialty: String, doctors: [DoctorListing], patient: Account? = nil) {
        self.context = context; self.specialty = specialty; self.doctors = doctors; self.patient = patient
        list = ListState(count: doctors.count + 1, selected: 1)
    }

    let bindings: [Binding<Action>] = [
        Binding([.enter, .right], .open, "choose"),
        Binding([.char("e")], .earliest, "earliest available"),
    ]
    var title: String { "Book · doctor" }
    var hints: [KeyHint] { [KeyHint(keys: "↑↓/jk", label: "move")] + bindings.hints() }

    /// The doctor on the selected row (nil on the earliest-available row).
    var selectedDoctor: DoctorListing? { list.selected >= 1 && list.selected <= doctors.count ? doctors[list.selected - 1] : nil }

    func handle(_ key: Key) -> Effect {
        if list.handle(key, page: 10) { return .none }
        switch bindings.action(for: key) {
        case .open?:
            guard let doctor = selectedDoctor else { return earliest() }
            return .push(BookSlotModel(context, doctor: doctor, patient: patient))
        case .earliest?: return earliest()
        case nil: return .unhandled
        }
    }

    private func earliest() -> Effect {
        .push(EarliestSlotsModel(context, specialty: specialty, patient: patient))
    }
}
