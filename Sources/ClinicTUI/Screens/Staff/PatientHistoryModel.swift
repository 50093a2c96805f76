import ClinicCore

/// A patient's visits at the clinic, every doctor's, from one of their
/// appointments (`h` on its details): earlier and later ones with their
/// status, and under the list the selected visit's note (doctors and admins;
/// the desk sees the visits, not clinical notes).
final class PatientHistoryModel: ScreenModel {
    let context: AppContext
    let patient: Appointment.Party
    /// The visit the history was opened from (selected first, marked).
    let from: String
    private(set) var visits: [VisitRecord] = []
    /// Whether the signed-in person may read the notes (else the pane says so).
    let readsNotes: Bool
    var list = ListState()
    private(set) var notice: (text: String, role: ThemeRole)?

    init(_ context: AppContext, patient: Appointment.Party, from code: String) {
        self.context = context; self.patient = patient; self.from = code
        readsNotes = Policy.decide(.readNotes, by: context.actor).isAllowed
        reload()
        list.select(visits.firstIndex { $0.appointment.code == code } ?? 0)
    }

    var title: String { "History · \(patient.name)" }
    var hints: [KeyHint] { [KeyHint(keys: "↑↓/jk", label: "move")] }

    /// The highlighted visit, if any.
    var selected: VisitRecord? { list.selected < visits.count ? visits[list.selected] : nil }

    func handle(_ key: Key) -> Effect { list.handle(key, page: 10) ? .none : .unhandled }

    func reload() {
        guard let actor = context.actor else { return }
        do {
            visits = try context.store.visitHistory(patientID: patient.id, by: actor)
        } catch { visits = []; notice = (Format.error(error), .error) }
        list.reset(count: visits.count, keeping: list.selected)
    }
}
