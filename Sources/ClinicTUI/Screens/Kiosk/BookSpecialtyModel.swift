import ClinicCore

/// Booking, step 1: pick a specialization (with how many doctors offer it).
public final class BookSpecialtyModel: ScreenModel {
    enum Action: Sendable { case open }
    let context: AppContext
    public private(set) var doctors: [DoctorListing] = []
    public private(set) var specialties: [String] = []
    public internal(set) var list = ListState()
    public private(set) var error: String?
    /// The patient booked for when the desk books on their behalf (nil: the signed-in patient).
    public let patient: Account?

    public init(_ context: AppContext, patient: Account? = nil) { self.context = context; self.patient = patient; reload() }

    let bindings: [Binding<Action>] = [Binding([.enter, .right], .open, "choose")]
    public var title: String { patient.map { "Book for \($0.name) · specialization" } ?? "Book · specialization" }
    public var hints: [KeyHint] { [KeyHint(keys: "↑↓/jk", label: "move")] + bindings.hints() }

    public func handle(_ key: Key) -> Effect {
        if list.handle(key, page: 10) { return .none }
        switch bindings.action(for: key) {
        case .open?:
            guard list.selected < specialties.count else { return .none }
            let chosen = specialties[list.selected]
            return .push(BookDoctorModel(context, specialty: chosen, doctors: doctors.filter { $0.specialization == chosen }, patient: patient))
        case nil: return .unhandled
        }
    }

    public func reload() {
        do {
            doctors = try context.store.bookableDoctors()
            var seen: [String] = []
            for d in doctors where !seen.contains(d.specialization) { seen.append(d.specialization) }
            specialties = seen
            list.reset(count: specialties.count)
        } catch { self.error = Format.error(error) }
    }
}
