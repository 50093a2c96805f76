import ClinicCore
import ClinicTesting
import Testing
@_spi(Tooling) @testable import ClinicTUI

/// Every text field of every screen, typed into in every script and painted
/// at both sizes the contract names.
@Suite("Typing in every script on every screen")
struct ScreenTypingTests {
    /// A screen with text fields: how to open it and how to read its fields.
    struct FieldScreen: Sendable, CustomTestStringConvertible {
        let name: String
        let mode: AppMode
        let role: Role?
        let open: @Sendable (AppContext, Fixture) throws -> any ScreenModel
        let fields: @Sendable (any ScreenModel) -> [TextField]
        var testDescription: String { name }
    }

    /// What the screens are opened on.
    struct Fixture {
        let doctor: Account
        let patient: Account
        let appointment: Appointment
        let listing: DoctorListing
        let slot: Slot
    }

    static let screens: [FieldScreen] = [
        FieldScreen(name: "staff sign-in", mode: .staff, role: nil, open: { c, _ in SignInModel(c) }, fields: { ($0 as! SignInModel).form.fields }),
        FieldScreen(name: "kiosk sign-up", mode: .kiosk, role: nil, open: { c, _ in SignUpModel(c) }, fields: { ($0 as! SignUpModel).form.fields }),
        FieldScreen(name: "kiosk profile", mode: .kiosk, role: .patient, open: { c, _ in ProfileModel(c) }, fields: { ($0 as! ProfileModel).form.fields }),
        FieldScreen(
            name: "kiosk reason", mode: .kiosk, role: .patient,
            open: { c, f in BookConfirmModel(c, doctor: f.listing, slot: f.slot, slotScreen: nil) },
            fields: { ($0 as! BookConfirmModel).reason.fields }),
        FieldScreen(
            name: "desk patient search", mode: .staff, role: .receptionist, open: { c, _ in PatientSearchModel(c) },
            fields: { [($0 as! PatientSearchModel).query] }),
        FieldScreen(
            name: "desk registration", mode: .staff, role: .receptionist, open: { c, _ in RegisterPatientModel(c) },
            fields: { ($0 as! RegisterPatientModel).form.fields }),
        FieldScreen(
            name: "desk cancel reason", mode: .staff, role: .receptionist,
            open: { c, f in ReasonedMoveModel(c, appointment: f.appointment, purpose: .cancel) }, fields: { [($0 as! ReasonedMoveModel).reason] }),
        FieldScreen(
            name: "doctor's note", mode: .staff, role: .doctor,
            open: { c, f in NoteEditorModel(c, appointment: f.appointment, current: "") }, fields: { [($0 as! NoteEditorModel).text] }),
        FieldScreen(name: "admin settings", mode: .staff, role: .admin, open: { c, _ in SettingsModel(c) }, fields: { ($0 as! SettingsModel).form.fields }),
        FieldScreen(
            name: "admin time off", mode: .staff, role: .admin, open: { c, f in TimeOffModel(c, doctor: f.doctor) },
            fields: { ($0 as! TimeOffModel).form.fields }),
        FieldScreen(
            name: "admin hours", mode: .staff, role: .admin, open: { c, f in HoursEditorModel(c, doctor: f.doctor) },
            fields: { ($0 as! HoursEditorModel).form.fields }),
        FieldScreen(
            name: "admin password reset", mode: .staff, role: .admin, open: { c, f in PasswordResetModel(c, account: f.patient) },
            fields: { ($0 as! PasswordResetModel).form.fields }),
        FieldScreen(name: "admin add staff", mode: .staff, role: .admin, open: { c, _ in AddStaffModel(c) }, fields: { ($0 as! AddStaffModel).form.fields }),
        FieldScreen(
            name: "desk edit patient", mode: .staff, role: .receptionist, open: { c, f in AccountEditModel(c, account: f.patient) },
            fields: { ($0 as! AccountEditModel).form.fields }),
        FieldScreen(
            name: "admin edit doctor", mode: .staff, role: .admin, open: { c, f in AccountEditModel(c, account: f.doctor) },
            fields: { ($0 as! AccountEditModel).form.fields }),
        FieldScreen(
            name: "kiosk waitlist join", mode: .kiosk, role: .patient, open: { c, f in WaitlistJoinModel(c, target: .doctor(f.listing)) },
            fields: { ($0 as! WaitlistJoinModel).form.fields }),
        FieldScreen(
            name: "desk waitlist join", mode: .staff, role: .receptionist,
            open: { c, f in WaitlistJoinModel(c, target: .specialization("Cardiology"), patient: f.patient) },
            fields: { ($0 as! WaitlistJoinModel).form.fields }),
    ]

    /// A harness signed in as `role` with `screen` open on top.
    static func open(_ screen: FieldScreen) throws -> (TUIHarness, any ScreenModel) {
        let clinic = try TestClinic()
        let doctor = try clinic.addDoctor(name: "Dr प्रिया 김", specialization: "Cardiology")
        let patient = try clinic.addPatient(name: "Zoë 👍🏽 محمد 🇵🇱")
        let appointment = try clinic.book(doctor: doctor, patient: patient, at: clinic.local("2026-03-02", "09:00"))
        let listing = try #require(try clinic.store.bookableDoctors().first)
        let slot = try #require(try clinic.store.slots(doctorID: doctor.id, on: LocalDate("2026-03-03")!, viewer: .shell).entries.first?.slot)
        let h = try TUIHarness(screen.mode, clinic: clinic)
        if let role = screen.role {
            let account = role == .patient ? patient : (role == .doctor ? doctor : try clinic.addStaff(role))
            h.context.account = account
        }
        let model = try screen.open(h.context, Fixture(doctor: doctor, patient: patient, appointment: appointment, listing: listing, slot: slot))
        h.core.open(model)
        return (h, model)
    }

    @Test(
        "random text and edits in every field: no trap, the field holds what was typed, every row is the screen's width",
        arguments: screens)
    func typeEverywhere(_ screen: FieldScreen) throws {
        let (h, model) = try Self.open(screen)
        var rng = SplitMix64(seed: UInt64(screen.name.utf8.count))
        let count = screen.fields(model).count
        for index in 0..<count {
            // Focus the field: Tab moves on in forms; a single field has it already.
            while count > 1, formFocus(model) != index { h.press(.tab) }
            h.press(.ctrl("u"))
            let limit = screen.fields(model)[index].maxLength
            var typed = ""
            for _ in 0..<4 {
                let piece = ScriptCorpus.mix(Int.random(in: 1...3, using: &rng), using: &rng)
                h.type(piece)
                typed += piece
                // an edit in the middle, undone: the value must come back as typed
                if screen.fields(model)[index].value.unicodeScalars.count < limit { h.press(.left, .left, .char("x"), .backspace, .end) }
                checkFrames(h, screen: screen.name)
            }
            let value = screen.fields(model)[index].value
            let expected = TextField.cleaned(typed)
            if expected.unicodeScalars.count <= limit {
                #expect(Array(value.unicodeScalars) == Array(expected.unicodeScalars), "\(screen.name) field \(index)")
            } else {
                #expect(
                    value.unicodeScalars.count <= limit && expected.unicodeScalars.starts(with: value.unicodeScalars),
                    "\(screen.name) field \(index) over its limit")
            }
        }
        #expect(!h.core.finished)
    }

    func formFocus(_ model: any ScreenModel) -> Int {
        let mirror = Mirror(reflecting: model)
        for child in mirror.children { if let form = child.value as? Form { return form.focus } }
        return 0
    }

    func checkFrames(_ h: TUIHarness, screen: String) {
        for (w, hgt) in [(80, 24), (120, 40)] {
            let bad = FrameCheck.badRows(h.frame(width: w, height: hgt))
            #expect(bad.isEmpty, "\(screen) at \(w)×\(hgt): rows \(bad.map { "\($0.row): \($0.cells) cells «\($0.text)»" })")
        }
    }
}
