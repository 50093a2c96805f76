import ClinicCore
import ClinicTesting
import Testing

@Suite("Clinic settings in the database")
struct ClinicSettingsTests {
    @Test("A new clinic stores the configured values over the defaults")
    func configuredOverDefaults() throws {
        // Given a clinic opened with a name and a zone
        let clinic = try TestClinic(timeZone: "Asia/Kolkata")
        // Then those are stored, and the rest are the defaults (3 h reminders, 15 min grace)
        let settings = try clinic.store.settings()
        #expect(settings.name == "Test Clinic")
        #expect(settings.timeZone.identifier == "Asia/Kolkata")
        #expect((settings.reminderLeadMinutes, settings.noShowGraceMinutes) == (180, 15))
    }

    @Test("The stored zone drives slots: the same hours move with the clinic's zone")
    func zoneDrivesSlots() throws {
        // Given a doctor working Monday 09:00–09:30 in a New York clinic
        let clinic = try TestClinic(timeZone: "America/New_York")
        let doctor = try clinic.addDoctor(hours: "mon 09:00-09:30")
        let ny = try clinic.store.slots(doctorID: doctor.id, on: date("2026-03-09"), viewer: .shell)
        // When the admin moves the clinic to Kolkata
        _ = try clinic.store.updateSettings(.init(timeZone: zone("Asia/Kolkata")), by: .shell)
        let kolkata = try clinic.store.slots(doctorID: doctor.id, on: date("2026-03-09"), viewer: .shell)
        // Then 09:00 means 13:00 UTC (EDT) before and 03:30 UTC (IST) after
        #expect(ny.entries.map(\.slot.start) == [utc("2026-03-09T13:00:00Z")])
        #expect(kolkata.entries.map(\.slot.start) == [utc("2026-03-09T03:30:00Z")])
    }

    @Test("Only an admin changes settings; out-of-range values are invalid_input and change nothing")
    func updateRules() throws {
        let clinic = try TestClinic()
        let desk = try clinic.addStaff(.receptionist)
        let before = try clinic.store.settings()
        #expect(refusal { try clinic.store.updateSettings(.init(reminderLeadMinutes: 60), by: clinic.actor(desk)) } == .forbidden)
        #expect(refusal { try clinic.store.updateSettings(.init(reminderLeadMinutes: -1), by: .shell) } == .invalidInput)
        #expect(refusal { try clinic.store.updateSettings(.init(noShowGraceMinutes: 1441), by: .shell) } == .invalidInput)
        #expect(refusal { try clinic.store.updateSettings(.init(name: "  "), by: .shell) } == .invalidInput)
        #expect(refusal { try clinic.store.updateSettings(.init(name: String(repeating: "n", count: 201)), by: .shell) } == .invalidInput)
        #expect(try clinic.store.settings() == before)
        // And a valid change is stored
        let after = try clinic.store.updateSettings(.init(name: "Riverside Clinic", noShowGraceMinutes: 20), by: .shell)
        #expect((after.name, after.noShowGraceMinutes, after.reminderLeadMinutes) == ("Riverside Clinic", 20, 180))
    }
}
