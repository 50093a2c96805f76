import ClinicCore

/// Clinic settings for the admin: name, time zone, reminder lead, no-show
/// grace, the booking limits and the booking notice (saved through the core, which checks them), and the scheduler / SMS
/// gateway state of this process. Name and zone changes show on the next start.
final class SettingsModel: ScreenModel {
    enum Action: Sendable { case save }
    let context: AppContext
    var form = Form([
        TextField("Clinic name"), TextField("Time zone", maxLength: 64),
        TextField("Reminder lead (min)", maxLength: 5), TextField("No-show grace (min)", maxLength: 5),
        TextField("Max visits to come", maxLength: 3), TextField("Kiosk: 1/doctor/day", maxLength: 3),
        TextField("Booking SMS", maxLength: 3),
    ])
    private(set) var message: (text: String, role: ThemeRole)?

    init(_ context: AppContext) { self.context = context; load() }

    let bindings: [Binding<Action>] = [Binding([.enter], .save, "save")]
    var title: String { "Clinic settings" }
    var hints: [KeyHint] { [KeyHint(keys: "Tab", label: "next field")] + bindings.hints() }
    var capturesText: Bool { true }
    var isDirty: Bool { form.isEdited }

    func handle(_ key: Key) -> Effect {
        guard bindings.action(for: key) == .save else {
            guard form.handle(key) else { return .unhandled }
            message = nil
            return .none
        }
        var errors: [Int: String] = [:]
        let zone = ClinicTimeZone(identifier: form[1].trimmingCharacters(in: .whitespaces))
        if zone == nil { errors[1] = "not a time zone (e.g. America/New_York)" }
        let lead = Int(form[2].trimmingCharacters(in: .whitespaces)), grace = Int(form[3].trimmingCharacters(in: .whitespaces))
        if lead == nil { errors[2] = "a number of minutes" }
        if grace == nil { errors[3] = "a number of minutes" }
        let most = Int(form[4].trimmingCharacters(in: .whitespaces))
        if most == nil { errors[4] = "a number per patient (0: no limit)" }
        let onePerDay = ["yes": true, "no": false][form[5].trimmingCharacters(in: .whitespaces).lowercased()]
        if onePerDay == nil { errors[5] = "yes or no (a patient at the kiosk: one visit per doctor per day)" }
        let notice = ["yes": true, "no": false][form[6].trimmingCharacters(in: .whitespaces).lowercased()]
        if notice == nil { errors[6] = "yes or no (an SMS on each booking and move)" }
        form.setErrors(errors)
        guard errors.isEmpty, let actor = context.actor else { return .none }
        do {
            _ = try context.store.updateSettings(
                .init(
                    name: form[0], timeZone: zone, reminderLeadMinutes: lead, noShowGraceMinutes: grace, maxActiveVisits: most,
                    onePerDoctorDay: onePerDay, bookingNotice: notice),
                by: actor)
            context.refreshSettings()
            load()
            message = ("Saved.", .success)
        } catch { message = (Format.error(error), .error) }
        return .none
    }

    private func load() {
        do {
            let s = try context.store.settings()
            let values = [
                s.name, s.timeZone.identifier, String(s.reminderLeadMinutes), String(s.noShowGraceMinutes), String(s.maxActiveVisits),
                s.onePerDoctorDay ? "yes" : "no", s.bookingNotice ? "yes" : "no",
            ]
            for (i, v) in values.enumerated() {
                form.fields[i].set(v)
            }
        } catch { message = (Format.error(error), .error) }
    }
}
