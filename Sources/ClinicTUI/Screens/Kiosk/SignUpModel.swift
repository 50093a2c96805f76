import ClinicCore

/// A new patient signs up: name, email, phone (one of the two is enough),
/// password twice. Each field's
/// refusal comes from the core's own validation and is shown under that field;
/// details another account has get the core's one sentence, under no field.
final class SignUpModel: ScreenModel {
    enum Action: Sendable { case submit }
    enum Field: Int { case name, email, phone, password, again }
    let context: AppContext
    var form = Form([
        TextField("Full name"), TextField("Email (optional)", maxLength: 254), TextField("Mobile phone", maxLength: 30),
        TextField("Password", masked: true, maxLength: 1024), TextField("Password again", masked: true, maxLength: 1024),
    ])
    var message: String?

    init(_ context: AppContext) { self.context = context }

    let bindings: [Binding<Action>] = [Binding([.enter], .submit, "next / create account")]
    var title: String { "Sign up" }
    var hints: [KeyHint] { bindings.hints() + [KeyHint(keys: "Tab/Shift-Tab", label: "fields")] }
    var capturesText: Bool { true }
    var isDirty: Bool { form.isEdited }

    func handle(_ key: Key) -> Effect {
        if key == .enter {
            // Enter fills the form in order; once every field has something, it submits. The email may
            // stay empty once reached (a phone is enough), and so may the phone when an email was given.
            let email = Field.email.rawValue, phone = Field.phone.rawValue
            var optional: Set<Int> = form.focus >= email ? [email] : []
            if form.focus >= phone, !form[email].isEmpty { optional.insert(phone) }
            if let empty = form.fields.indices.first(where: { form[$0].isEmpty && !optional.contains($0) }) {
                form.focus(empty); return .none
            }
            return submit()
        }
        return form.handle(key) ? .none : .unhandled
    }

    /// Field-level checks first (all at once), then the core creates the account.
    func submit() -> Effect {
        var errors: [Int: String] = [:]
        func check(_ field: Field, _ body: () throws -> Void) {
            do { try body() } catch { errors[field.rawValue] = Format.error(error) }
        }
        check(.name) { _ = try AccountInput.name(form[Field.name.rawValue]) }
        check(.email) { _ = try AccountInput.optionalEmail(form[Field.email.rawValue]) }
        check(.phone) {
            let phone = try AccountInput.optionalPhone(form[Field.phone.rawValue], defaultCountryCode: context.store.defaultCountryCode)
            if phone == nil, form[Field.email.rawValue].trimmingCharacters(in: .whitespaces).isEmpty {
                throw ClinicError(.invalidInput, "a mobile phone or an email is needed", field: .phone)
            }
        }
        check(.password) { try PasswordHasher.validate(form[Field.password.rawValue]) }
        if errors[Field.password.rawValue] == nil, form[Field.password.rawValue] != form[Field.again.rawValue] {
            errors[Field.again.rawValue] = "the two passwords differ"
        }
        form.setErrors(errors)
        guard errors.isEmpty else { return .none }
        do {
            let account = try context.store.kioskSignUp(name: form[0], email: form[1], phone: form[2], password: form[3])
            context.kioskSession.recordSuccess()
            context.account = account
            return .reset(Router.home(context, account))
        } catch let error as ClinicError where error.message == KioskSignInPolicy.signUpRefusal {
            // Details someone already has: as slow as a failed sign-in, so trying details one after another costs the same.
            context.sleeper.sleep(seconds: context.kioskSession.recordFailure())
            message = error.message
            return .none
        } catch let error as ClinicError {
            if !form.place(
                error,
                [
                    .name: Field.name.rawValue, .email: Field.email.rawValue, .phone: Field.phone.rawValue,
                    .password: Field.password.rawValue,
                ])
            {
                message = error.message
            }
            return .none
        } catch {
            message = Format.error(error)
            return .none
        }
    }
}
