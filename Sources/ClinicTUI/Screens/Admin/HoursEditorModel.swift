import ClinicCore

/// Edits a doctor's weekly hours, one field per weekday (`09:00-12:00,14:00-17:00`,
/// empty for a day off). While typing, each day is checked and next week's
/// slots under the new hours are previewed beside today's count, with the
/// booked appointments the change would strand; Enter saves through the core,
/// which refuses to strand them (move or cancel them first).
final class HoursEditorModel: ScreenModel {
    enum Action: Sendable { case save }
    let context: AppContext
    let doctor: Account
    var form: Form
    private(set) var preview: HoursPreview?
    private(set) var message: (text: String, role: ThemeRole)?
    /// The first day of the preview: next Monday.
    let previewFrom: LocalDate

    init(_ context: AppContext, doctor: Account) {
        self.context = context; self.doctor = doctor
        let today = context.today
        previewFrom = today.adding(days: 8 - today.weekday.rawValue)
        let hours = (try? context.store.hours(doctorID: doctor.id)) ?? .none
        form = Form(
            Weekday.allCases.map { day in
                TextField(
                    Format.weekdays[day.rawValue - 1], value: hours.intervals(on: day).map(\.description).joined(separator: ","),
                    maxLength: 100)
            })
        refreshPreview()
    }

    let bindings: [Binding<Action>] = [Binding([.enter], .save, "save hours")]
    var title: String { "Hours · \(doctor.name)" }
    var hints: [KeyHint] { [KeyHint(keys: "Tab", label: "next day")] + bindings.hints() }
    var capturesText: Bool { true }
    var isDirty: Bool { form.isEdited }

    func handle(_ key: Key) -> Effect {
        if bindings.action(for: key) == .save { return save() }
        guard form.handle(key) else { return .unhandled }
        refreshPreview()
        return .none
    }

    /// The hours the fields describe, or field errors by weekday index.
    func proposed() -> Result<WeeklyHours, FieldErrors> {
        var spec: [String] = [], errors: [Int: String] = [:]
        for day in Weekday.allCases {
            let text = form[day.rawValue - 1].replacingOccurrences(of: " ", with: "")
            guard !text.isEmpty else { continue }
            do { _ = try HoursSpecParser.parse("\(day.shortName) \(text)"); spec.append("\(day.shortName) \(text)") } catch {
                errors[day.rawValue - 1] = Format.error(error)
            }
        }
        guard errors.isEmpty else { return .failure(FieldErrors(errors: errors)) }
        do { return .success(try HoursSpecParser.parse(spec.joined(separator: "; "))) } catch { return .failure(FieldErrors(errors: [0: Format.error(error)])) }
    }

    /// Field errors as a value (Result needs an Error).
    struct FieldErrors: Error { let errors: [Int: String] }

    private func refreshPreview() {
        switch proposed() {
        case .success(let hours):
            form.clearErrors()
            do { preview = try context.store.previewHours(doctorID: doctor.id, hours: hours, from: previewFrom); message = nil } catch {
                preview = nil; message = (Format.error(error), .error)
            }
        case .failure(let e):
            preview = nil
            for (i, text) in e.errors { form.fields[i].error = text }
        }
    }

    private func save() -> Effect {
        guard case .success(let hours) = proposed() else { refreshPreview(); return .none }
        guard let actor = context.actor else { return .signOut }
        do {
            try context.store.setHours(doctorID: doctor.id, to: hours, by: actor)
            context.flash = "Saved the hours of \(doctor.name): \(hours.specText.isEmpty ? "off" : hours.specText)."
            return .pop
        } catch {
            message = (Format.error(error), .error)
            return .none
        }
    }
}
