import ClinicCore
import ClinicTesting
import Testing

/// One rule for the clinic's time zone, whoever changes it: refused while
/// appointments are to come, naming how many (issue 11, item 4).
@Suite("Changing the clinic's time zone")
struct TimeZoneChangeTests {
    /// A New York clinic (now Mon 2 Mar 2026 07:00 local) with a past visit, two to come and a cancelled one.
    func clinicWithVisits() throws -> (TestClinic, [Appointment]) {
        let clinic = try TestClinic()
        let doctor = try clinic.addDoctor(), patient = try clinic.addPatient()
        clinic.setNow("2026-02-20T12:00:00Z")
        let past = try clinic.book(doctor: doctor, patient: patient, at: clinic.local("2026-02-23", "09:00"))
        clinic.setNow("2026-03-02T12:00:00Z")
        let soon = try clinic.book(doctor: doctor, patient: patient, at: clinic.local("2026-03-03", "09:00"))
        let later = try clinic.book(doctor: doctor, patient: patient, at: clinic.local("2026-03-04", "09:00"))
        let dropped = try clinic.book(doctor: doctor, patient: patient, at: clinic.local("2026-03-05", "09:00"))
        _ = try clinic.store.transition(code: dropped.code, to: .cancelled, by: .shell)
        return (clinic, [past, soon, later])
    }

    @Test("An admin's change is refused while appointments are to come, naming how many; nothing changes")
    func adminRefused() throws {
        let (clinic, _) = try clinicWithVisits()
        #expect(try clinic.store.appointmentsBlockingTimeZoneChange() == 2)
        do {
            _ = try clinic.store.updateSettings(.init(name: "Renamed", timeZone: zone("Europe/London")), by: .shell)
            Issue.record("the zone changed")
        } catch let error as ClinicError {
            #expect(error.code == .conflict)
            #expect(error.message.contains("appointments to come (2)") && error.message.contains("stays America/New_York"), "\(error)")
        }
        #expect(try clinic.store.settings().timeZone.identifier == "America/New_York")
        #expect(try clinic.store.settings().name == "Test Clinic")
        // The same zone again, or other settings alone, are fine
        #expect(try clinic.store.updateSettings(.init(name: "Renamed", timeZone: zone("America/New_York")), by: .shell).name == "Renamed")
    }

    @Test("A process configured with another zone meets the same rule and the same count")
    func configuredRefused() throws {
        let (clinic, _) = try clinicWithVisits()
        do {
            _ = try ClinicStore(database: clinic.database.location, clock: clinic.clock, settings: .init(timeZone: zone("Asia/Kolkata")))
            Issue.record("opened with another zone")
        } catch let error as ClinicError {
            #expect(error.code == .conflict)
            #expect(error.message.contains("appointments to come (2)") && error.message.contains("CLINIC_TIMEZONE"), "\(error)")
        }
        #expect(try clinic.store.settings().timeZone.identifier == "America/New_York")
    }

    @Test("Once no appointment is to come (over, cancelled), the zone may change: past visits do not hold it")
    func allowedWhenNoneToCome() throws {
        let (clinic, visits) = try clinicWithVisits()
        _ = try clinic.store.transition(code: visits[1].code, to: .cancelled, by: .shell)
        #expect(try clinic.store.appointmentsBlockingTimeZoneChange() == 1)
        clinic.setNow("2026-03-04T14:31:00Z")  // the 09:00 visit (14:00Z–14:30Z) is over
        #expect(try clinic.store.appointmentsBlockingTimeZoneChange() == 0)
        #expect(try clinic.store.updateSettings(.init(timeZone: zone("Europe/London")), by: .shell).timeZone.identifier == "Europe/London")
        let reopened = try ClinicStore(database: clinic.database.location, clock: clinic.clock, settings: .init(timeZone: zone("Asia/Kolkata")))
        #expect(try reopened.settings().timeZone.identifier == "Asia/Kolkata")
    }
}
