import ClinicCore
import ClinicTesting
import Testing

@Suite("ClinicStore.slots: a doctor's day as stored, free or taken")
struct StoreSlotsTests {
    @Test("New York spring forward through the store: ten slots, none at 02:xx")
    func springForwardThroughStore() throws {
        // Given a New York clinic and a doctor working Sunday 00:00–06:00
        let clinic = try TestClinic(timeZone: "America/New_York")
        let doctor = try clinic.addDoctor(hours: "sun 00:00-06:00")
        // When the desk looks at 2026-03-08
        let day = try clinic.store.slots(doctorID: doctor.id, on: date("2026-03-08"), viewer: .shell)
        // Then the slots are the DST-correct ones, all free, in the clinic's zone
        #expect(day.timeZone.identifier == "America/New_York")
        #expect(day.entries.count == 10)
        #expect(day.entries.allSatisfy { $0.free && $0.code == nil })
        #expect(day.entries.map { day.timeZone.local($0.slot.start).minute / 60 } == [0, 0, 1, 1, 3, 3, 4, 4, 5, 5])
    }

    @Test("New York fall back through the store: both 01:00s can be booked, separately")
    func fallBackBothInstantsBookable() throws {
        // Given a doctor working the fall-back Sunday and two patients
        let clinic = try TestClinic(timeZone: "America/New_York")
        let doctor = try clinic.addDoctor(hours: "sun 00:00-04:00")
        let (ann, bob) = (try clinic.addPatient(), try clinic.addPatient())
        // When one books 01:00 EDT and the other 01:00 EST
        let first = try clinic.book(doctor: doctor, patient: ann, at: utc("2026-11-01T05:00:00Z"))
        let second = try clinic.book(doctor: doctor, patient: bob, at: utc("2026-11-01T06:00:00Z"))
        // Then both exist, with different offsets, and the day shows them as two taken slots of ten
        let tz = try clinic.store.settings().timeZone
        #expect(tz.iso8601(first.start) == "2026-11-01T01:00:00-04:00")
        #expect(tz.iso8601(second.start) == "2026-11-01T01:00:00-05:00")
        let day = try clinic.store.slots(doctorID: doctor.id, on: date("2026-11-01"), viewer: .shell)
        #expect(day.entries.count == 10)
        #expect(day.entries.filter { !$0.free }.map(\.code) == [first.code, second.code])
    }

    @Test("London DST days through the store")
    func londonThroughStore() throws {
        // Given a London clinic and a doctor working Sunday 00:00–03:00
        let clinic = try TestClinic(timeZone: "Europe/London", now: TestClinic.instant("2026-03-01T00:00:00Z"))
        let doctor = try clinic.addDoctor(hours: "sun 00:00-03:00")
        // Then the spring-forward day has two real hours of slots and the fall-back day four
        let spring = try clinic.store.slots(doctorID: doctor.id, on: date("2026-03-29"), viewer: .shell)
        let autumn = try clinic.store.slots(doctorID: doctor.id, on: date("2026-10-25"), viewer: .shell)
        #expect(spring.entries.count == 4)
        #expect(autumn.entries.count == 8)
        #expect(autumn.entries.first?.slot.start == utc("2026-10-24T23:00:00Z"))
    }

    @Test("Slots that have already started are not offered")
    func startedSlotsHidden() throws {
        // Given a doctor working 09:00–12:00 and the clock at 10:10 local (EST) on that day
        let clinic = try TestClinic(timeZone: "America/New_York", now: TestClinic.instant("2026-03-03T15:10:00Z"))
        let doctor = try clinic.addDoctor(hours: "tue 09:00-12:00")
        // When the day is listed
        let day = try clinic.store.slots(doctorID: doctor.id, on: date("2026-03-03"), viewer: .shell)
        // Then only 10:30, 11:00 and 11:30 remain
        #expect(day.entries.map(\.slot.start) == [utc("2026-03-03T15:30:00Z"), utc("2026-03-03T16:00:00Z"), utc("2026-03-03T16:30:00Z")])
        // And exactly at a slot's start, that slot is no longer offered
        clinic.setNow("2026-03-03T15:30:00Z")
        #expect(try clinic.store.slots(doctorID: doctor.id, on: date("2026-03-03"), viewer: .shell).entries.count == 2)
    }

    @Test("Time off through the store: a whole day and part of a day")
    func timeOffThroughStore() throws {
        // Given a doctor working 09:00–12:00 on weekdays
        let clinic = try TestClinic(timeZone: "America/New_York")
        let doctor = try clinic.addDoctor(hours: "mon-fri 09:00-12:00")
        // When the admin adds Wednesday off (local midnight to midnight) and Thursday 10:00–11:00
        try clinic.store.addTimeOff(
            doctorID: doctor.id, from: try clinic.local("2026-03-04", "00:00"),
            to: try clinic.local("2026-03-05", "00:00"), by: .shell)
        try clinic.store.addTimeOff(
            doctorID: doctor.id, from: try clinic.local("2026-03-05", "10:00"),
            to: try clinic.local("2026-03-05", "11:00"), by: .shell)
        // Then Wednesday has no slots, Thursday loses 10:00 and 10:30, Tuesday keeps all six
        let slots = { (d: String) in try clinic.store.slots(doctorID: doctor.id, on: date(d), viewer: .shell).entries }
        #expect(try slots("2026-03-04").isEmpty)
        let tz = try clinic.store.settings().timeZone
        #expect(try slots("2026-03-05").map { tz.local($0.slot.start).time.description } == ["09:00", "09:30", "11:00", "11:30"])
        #expect(try slots("2026-03-03").count == 6)
    }

    @Test("Codes of taken slots are shown to the desk, the doctor and the holder only")
    func codeVisibility() throws {
        // Given a booked 09:00 slot
        let clinic = try TestClinic()
        let doctor = try clinic.addDoctor()
        let (holder, other) = (try clinic.addPatient(), try clinic.addPatient())
        let booked = try clinic.book(doctor: doctor, patient: holder, at: try clinic.local("2026-03-03", "09:00"))
        let receptionist = try clinic.addStaff(.receptionist)
        let otherDoctor = try clinic.addDoctor()
        // When different people look at the day
        func takenCode(_ viewer: Actor) throws -> [String?] {
            try clinic.store.slots(doctorID: doctor.id, on: date("2026-03-03"), viewer: viewer).entries.filter { !$0.free }.map(\.code)
        }
        // Then all see the slot taken; only the desk, the doctor and the holder see the code
        #expect(try takenCode(clinic.actor(receptionist)) == [booked.code])
        #expect(try takenCode(clinic.actor(doctor)) == [booked.code])
        #expect(try takenCode(clinic.actor(holder, via: .kiosk)) == [booked.code])
        #expect(try takenCode(clinic.actor(other, via: .kiosk)) == [nil])
        #expect(try takenCode(clinic.actor(otherDoctor)) == [nil])
    }

    @Test("Unknown doctors have no slots")
    func unknownDoctor() throws {
        let clinic = try TestClinic()
        let patient = try clinic.addPatient()
        #expect(refusal { try clinic.store.slots(doctorID: 9_999, on: date("2026-03-03"), viewer: .shell) } == .notFound)
        #expect(refusal { try clinic.store.slots(doctorID: patient.id, on: date("2026-03-03"), viewer: .shell) } == .notFound)
    }
}
