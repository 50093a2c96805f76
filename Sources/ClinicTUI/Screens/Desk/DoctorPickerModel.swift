import ClinicCore

/// Picks the doctor a visit moves to: the bookable doctors, those of the
/// visit's specialization first (the usual stand-in), then everyone else.
/// Enter hands the choice back and returns.
final class DoctorPickerModel: ScreenModel {
    enum Action: Sendable { case choose }
    let context: AppContext
    let doctors: [DoctorListing]
    var list: ListState
    private let onChoose: (DoctorListing) -> Void

    init(_ context: AppContext, current: DoctorListing, onChoose: @escaping (DoctorListing) -> Void) {
        self.context = context; self.onChoose = onChoose
        let all = (try? context.store.bookableDoctors()) ?? [current]
        let same = all.filter { $0.specialization == current.specialization }
        doctors = same + all.filter { $0.specialization != current.specialization }
        list = ListState(count: doctors.count, selected: doctors.firstIndex { $0.id == current.id } ?? 0)
    }

    let bindings: [Binding<Action>] = [Binding([.enter], .choose, "choose")]
    var title: String { "Move to which doctor" }
    var hints: [KeyHint] { [KeyHint(keys: "↑↓/jk", label: "move")] + bindings.hints() }

    func handle(_ key: Key) -> Effect {
        if list.handle(key, page: 10) { return .none }
        switch bindings.action(for: key) {
        case .choose?:
            guard list.selected < doctors.count else { return .none }
            onChoose(doctors[list.selected])
            return .pop
        case nil: return .unhandled
        }
    }
}
