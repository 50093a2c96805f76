import ClinicCore

/// The desk registers a walk-in patient (name, email, phone: a phone or an
/// email is enough; no password: the patient sets one at the kiosk or the
/// desk does later). Errors from the core's rules go under their field (an
/// empty field is a detail left out, never a malformed one); success opens
/// the new patient's card, or, when the search was picking the patient of a
/// new visit (`n` on the board), that doctor's slots from that day. What was
/// typed in the search comes along: a name, an email or a phone, in its field.
final class RegisterPatientModel: ScreenModel {
    enum Action: Sendable { case save }
    let context: AppContext
    var form = Form([
        TextField("Name", maxLength: 200), TextField("Email (optional)", maxLength: 254),
        TextField("Phone", maxLength: 40),
    ])
    private(set) var message: String?
    /// The visit being booked when the search was opened from the board's `n`.
    let booking: (doctor: DoctorListing, date: LocalDate)?

    init(_ context: AppContext, typed: String = "", booking: (doctor: DoctorListing, date: LocalDate)? = nil) {
        self.context = context; self.booking = booking
        let text = typed.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return }
        let digits = text.filter(\.isASCII).filter(\.isNumber).count
        let field = text.contains("@") ? 1 : digits >= 3 && digits * 2 >= text.count ? 2 : 0
        form.fields[field].set(text)
        form.focus(field == 0 ? 1 : 0)  // on to what is still missing
    }

    let bindings: [Binding<Action>] = [Binding([.enter], .save, "register")]
    var title: String { booking.map { "Register a patient · for \($0.doctor.name)" } ?? "Register a patient" }
    var hints: [KeyHint] { [KeyHint(keys: "Tab", label: "next field")] + bindings.hints() }
    var capturesText: Bool { true }
    var isDirty: Bool { form.isEdited }

    func handle(_ key: Key) -> Effect {
        if bindings.action(for: key) == .save { return save() }
        return form.handle(key) ? .none : .unhandled
    }

    func save() -> Effect {
        var errors: [Int: String] = [:]
        do { _ = try AccountInput.name(form[0]) } catch { errors[0] = Format.error(error) }
        do { _ = try AccountInput.optionalEmail(form[1]) } catch { errors[1] = Format.error(error) }
        do {
            let phone = try AccountInput.optionalPhone(form[2], defaultCountryCode: context.store.defaultCountryCode)
            if phone == nil, form[1].trimmingCharacters(in: .whitespaces).isEmpty {
                errors[2] = "a phone number or an email is needed"
            }
        } catch { errors[2] = Format.error(error) }
        form.setErrors(errors)
        guard errors.isEmpty else { return .none }
        do {
            let account = try context.store.createAccount(
                NewAccount(role: .patient, name: form[0], email: form[1], phone: form[2]),
                by: context.actor)
            if let booking { return .replace(BookSlotModel(context, doctor: booking.doctor, patient: account, from: booking.date)) }
            return .replace(PatientCardModel(context, patientID: account.id, notice: "Registered \(account.name)."))
        } catch let error as ClinicError {
            if !form.place(error, [.name: 0, .email: 1, .phone: 2]) { message = error.message }
        } catch { message = Format.error(error) }
        return .none
    }
}
