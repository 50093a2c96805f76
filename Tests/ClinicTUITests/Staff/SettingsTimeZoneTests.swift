import ClinicCore
import ClinicTesting
import Testing
@_spi(Tooling) @testable import ClinicTUI

/// Admin → Clinic settings → Time zone follows the core's one rule (issue 11, item 4).
@Suite("Settings: changing the time zone")
struct SettingsTimeZoneTests {
    /// The admin on the settings screen of a New York clinic (Mon 2 Mar 2026, 07:00 local) with `visits` to come.
    func settings(visits: Int) throws -> (TUIHarness, [Appointment]) {
        let clinic = try TestClinic()
        let ana = try clinic.addDoctor(name: "Dr Ana Moreau", hours: "mon-fri 09:00-12:00")
        let booked = try (0..<visits).map { i in
            try clinic.book(doctor: ana, patient: clinic.addPatient(), at: clinic.local("2026-03-03", ["09:00", "10:00", "11:00"][i]))
        }
        let admin = try clinic.addStaff(.admin)
        let h = try TUIHarness(.staff, clinic: clinic)
        h.signIn(admin.email!, "staff-password")
        h.press(.down, .down, .enter)
        #expect(h.core.top is SettingsModel)
        return (h, booked)
    }

    /// Types `zone` into the time zone field and saves.
    func save(_ h: TUIHarness, zone: String) {
        h.press(.tab); h.press(.ctrl("u")); h.type(zone); h.press(.enter)
    }

    @Test("Refused while visits are to come, naming how many; the zone, the screens and the visits' times stay")
    func refused() throws {
        let (h, booked) = try settings(visits: 2)
        save(h, zone: "Europe/London")
        let model = try #require(h.core.top as? SettingsModel)
        let message = try #require(model.message)
        #expect(message.role == .error && message.text.contains("appointments to come (2)"), "\(message.text)")
        #expect(h.screen.contains("the time zone stays America/New_York"), "\(h.screen)")
        #expect(!h.screen.contains("Saved."))
        #expect(try h.clinic.store.settings().timeZone.identifier == "America/New_York")
        #expect(h.context.timeZone.identifier == "America/New_York")
        let after = try h.clinic.store.appointments(AppointmentFilter(doctorID: booked[0].doctor.id))
        #expect(after.map { h.context.timeZone.local($0.start).time.description } == ["09:00", "10:00"])
    }

    @Test("Saved once nothing is to come, and the running screens follow")
    func allowed() throws {
        let (h, booked) = try settings(visits: 1)
        _ = try h.clinic.store.transition(code: booked[0].code, to: .cancelled, by: .shell)
        save(h, zone: "Europe/London")
        #expect(h.screen.contains("Saved."), "\(h.screen)")
        #expect(try h.clinic.store.settings().timeZone.identifier == "Europe/London")
        #expect(h.context.timeZone.identifier == "Europe/London")
    }
}
