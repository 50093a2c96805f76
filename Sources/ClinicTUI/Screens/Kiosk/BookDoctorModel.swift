import ClinicCore

/// Booking, step 2: pick a doctor of the chosen specialization.
public final class BookDoctorModel: ScreenModel {
    enum Action: Sendable { case open }
    let context: AppContext
    public let specialty: String
    public let doctors: [DoctorListing]
    public internal(set) var list: ListState
    /// The patient booked for by the desk (nil: the signed-in patient).
    public let patient: Account?

    public init(_ context: AppContext, specialty: String, doctors: [DoctorListing], patient: Account? = nil) {
        self.context = context; self.specialty = specialty; self.doctors = doctors; self.patient = patient
        list = ListState(count: doctors.count)
    }

    let bindings: [Binding<Action>] = [Binding([.enter, .right], .open, "choose")]
    public var title: String { "Book · doctor" }
    public var hints: [KeyHint] { [KeyHint(keys: "↑↓/jk", label: "move")] + bindings.hints() }

    public func handle(_ key: Key) -> Effect {
        if list.handle(key, page: 10) { return .none }
        switch bindings.action(for: key) {
        case .open?:
            guard list.selected < doctors.count else { return .none }
            return .push(BookSlotModel(context, doctor: doctors[list.selected], patient: patient))
        case nil: return .unhandled
        }
    }
}
