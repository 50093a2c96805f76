import ClinicCore
import ClinicTesting
import Testing

/// A booking sends its checks (and, on PostgreSQL, its insert) with its first
/// read, built from what this process last knew of the doctor's calendar and
/// the clinic's limits. When another process changed them in between, the
/// booking must still follow the new ones.
@Suite("Bookings after another process changed the calendar or the limits")
struct BookingStaleCalendarTests {
    let clinic: TestClinic
    /// A second store on the same database: another process, as far as caches go.
    let other: ClinicStore
    let ana: Account, pia: Account, desk: Account

    init() throws {
        // Given a doctor with 30-minute slots, a patient and the desk, and another store on the same database
        clinic = try TestClinic()
        ana = try clinic.addDoctor(name: "Dr Ana Ñúñez 👩🏽‍⚕️", slotMinutes: 30)
        pia = try clinic.addPatient(name: "प्रिया 김")
        desk = try clinic.addStaff(.receptionist)
        other = try ClinicStore(
            database: clinic.database.location, clock: clinic.clock, hasher: PasswordHasher(iterations: 1_000),
            settings: .init(name: "Test Clinic", timeZone: ClinicTimeZone(identifier: "America/New_York")),
            filesFolder: clinic.directory.url.path)
        // and this store has booked once, so it knows Dr Ana's 30-minute calendar and the limits
        _ = try clinic.store.book(try request("2026-03-03", "09:00"), by: clinic.actor(desk))
    }

    func request(_ day: String, _ time: String) throws -> BookingRequest {
        BookingRequest(doctorID: ana.id, patientID: pia.id, start: try clinic.local(day, time), reason: "Check-up")
    }

    @Test("a new slot length: the visit gets the new slot's end, booked once")
    func aNewSlotLength() throws {
        // When the other process makes Dr Ana's slots 15 minutes (the visit on the 30-minute grid cancelled first)
        // and this one books 10:00, a start in both grids
        for visit in try other.appointments(AppointmentFilter(doctorID: ana.id)) {
            _ = try other.transition(code: visit.code, to: .cancelled, by: .shell)
        }
        _ = try other.editAccount(ana.id, AccountEdit(slotMinutes: 15), by: .shell)
        let visit = try clinic.store.book(try request("2026-03-04", "10:00"), by: clinic.actor(desk))
        // Then the visit ends 15 minutes after it starts, and there is one visit at that time
        #expect(visit.end - visit.start == 15 * 60)
        let day = try other.slots(doctorID: ana.id, on: LocalDate(year: 2026, month: 3, day: 4)!, viewer: clinic.actor(desk))
        #expect(day.entries.filter { !$0.free }.map(\.slot.start) == [visit.start])
    }

    @Test("time off over the slot: refused as outside the schedule, nothing booked")
    func timeOffOverTheSlot() throws {
        // When the other process gives Dr Ana the morning off and this one books 10:00 that morning
        _ = try other.addTimeOff(
            doctorID: ana.id, from: try clinic.local("2026-03-04", "09:00"), to: try clinic.local("2026-03-04", "12:00"), note: "Conférence",
            by: .shell)
        #expect(throws: ClinicError.self) { try clinic.store.book(try request("2026-03-04", "10:00"), by: clinic.actor(desk)) }
        let refusal = try? clinic.store.book(try request("2026-03-04", "10:00"), by: clinic.actor(desk))
        // Then nothing is booked for that morning, and the afternoon still books
        #expect(refusal == nil)
        let day = try other.slots(doctorID: ana.id, on: LocalDate(year: 2026, month: 3, day: 4)!, viewer: clinic.actor(desk))
        #expect(day.entries.allSatisfy { $0.free })
        _ = try clinic.store.book(try request("2026-03-04", "14:00"), by: clinic.actor(desk))
    }

    @Test("a lower limit: refused naming the visits to come that count, not the one being refused")
    func aLowerLimit() throws {
        // Given a second visit to come
        let second = try clinic.store.book(try request("2026-03-05", "09:00"), by: clinic.actor(desk))
        // When the other process lowers the limit to two visits to come and the patient books a third
        _ = try other.updateSettings(.init(maxActiveVisits: 2), by: .shell)
        do {
            _ = try clinic.store.book(try request("2026-03-06", "09:00"), by: clinic.actor(pia, via: .kiosk))
            Issue.record("a third visit was booked over a limit of two")
        } catch let error as ClinicError {
            // Then the refusal names the two that count
            #expect(error.code == .conflict && error.field == .overrideReason, "\(error)")
            #expect(error.message.contains("2 visits to come") && error.message.contains(second.code), "\(error.message)")
        }
        #expect(try other.appointments(AppointmentFilter(patientID: pia.id)).count == 2)
    }
}
