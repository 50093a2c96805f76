@_spi(Tooling) import ClinicCore
import ClinicTesting
import Foundation
import GRDB
import Testing

@Suite("ClinicStore.nextFreeSlots: the earliest free slots across doctors")
struct NextFreeSlotsTests {
    /// `Mon 09:00 Dr Abe`-style lines, so a failure reads like the list a patient sees.
    func lines(_ found: NextFreeSlots) -> [String] {
        found.entries.map { e in
            let start = found.timeZone.local(e.slot.start)
            return "\(start.date.weekday.shortName.capitalized) \(start.time) \(e.doctor.name)"
        }
    }

    @Test("Earliest first across doctors, a tie by the doctor's name, taken slots skipped")
    func earliestFirstTiesByName() throws {
        // Given two doctors of one specialization with the same hours, Dr Zed created first
        let clinic = try TestClinic()  // Mon 2 March 2026, 07:00 in New York
        let zed = try clinic.addDoctor(name: "Dr Zed", hours: "mon-fri 09:00-12:00", specialization: "Cardiology")
        let abe = try clinic.addDoctor(name: "Dr Abe", hours: "mon-fri 09:00-12:00", specialization: "Cardiology")
        // And Dr Abe's 09:00 on Monday booked
        try clinic.book(doctor: abe, patient: try clinic.addPatient(), at: try clinic.local("2026-03-02", "09:00"))
        // When the earliest four Cardiology slots are asked for
        let found = try clinic.store.nextFreeSlots(.specialization("Cardiology"), limit: 4)
        // Then they run in time order, Abe before Zed at the same time, without Abe's booked 09:00
        #expect(lines(found) == ["Mon 09:00 Dr Zed", "Mon 09:30 Dr Abe", "Mon 09:30 Dr Zed", "Mon 10:00 Dr Abe"])
        #expect(found.entries.map(\.doctor.id) == [zed.id, abe.id, zed.id, abe.id])
        #expect(found.entries.allSatisfy { $0.doctor.specialization == "Cardiology" && $0.slot.end - $0.slot.start == 1_800 })
        #expect(found.from == date("2026-03-02") && found.through == date("2026-03-02") && !found.exhausted)
    }

    @Test("Exactly the free slots of `slots(doctor, date)`, day after day, for any viewer")
    func sameAsDaySlots() throws {
        // Given a doctor with part of Tuesday off and some bookings over the week
        let clinic = try TestClinic()
        let doctor = try clinic.addDoctor(hours: "mon-fri 09:00-11:00; sat 10:00-11:00")
        let patient = try clinic.addPatient()
        try clinic.store.addTimeOff(
            doctorID: doctor.id, from: try clinic.local("2026-03-03", "09:30"), to: try clinic.local("2026-03-03", "10:30"), by: .shell)
        for (day, time) in [("2026-03-02", "09:30"), ("2026-03-04", "09:00"), ("2026-03-06", "10:30")] {
            try clinic.book(doctor: doctor, patient: patient, at: try clinic.local(day, time))
        }
        // When the doctor's next 100 free slots are asked for by another patient
        let found = try clinic.store.nextFreeSlots(.doctor(doctor.id), limit: 100, horizonDays: 7)
        // Then they are the free slots the day views show, in order, and the week ran out first
        let viewer = clinic.actor(try clinic.addPatient(), via: .kiosk)
        var expected: [Slot] = []
        for offset in 0..<7 {
            let day = try clinic.store.slots(doctorID: doctor.id, on: date("2026-03-02").adding(days: offset), viewer: viewer)
            expected += day.entries.filter(\.free).map(\.slot)
        }
        #expect(found.entries.map(\.slot) == expected)
        #expect(expected.count == 3 + 2 + 3 + 4 + 3 + 2)
        #expect(found.exhausted && found.through == date("2026-03-08"))
    }

    @Test("New York spring forward: no slot at 02:xx; fall back: both 01:00s, in real order")
    func dstDays() throws {
        // Given a doctor working Sunday nights 00:00–04:00 in New York
        let clinic = try TestClinic(timeZone: "America/New_York")
        let doctor = try clinic.addDoctor(hours: "sun 00:00-04:00")
        // When the first slots from the spring-forward Sunday are asked for
        let spring = try clinic.store.nextFreeSlots(.doctor(doctor.id), from: date("2026-03-08"), limit: 6)
        // Then 02:00 and 02:30 do not exist and 03:00 follows 01:30
        #expect(
            spring.entries.map { spring.timeZone.iso8601($0.slot.start) } == [
                "2026-03-08T00:00:00-05:00", "2026-03-08T00:30:00-05:00", "2026-03-08T01:00:00-05:00",
                "2026-03-08T01:30:00-05:00", "2026-03-08T03:00:00-04:00", "2026-03-08T03:30:00-04:00",
            ])
        // When the clock is at the end of October and the first slots are asked for
        clinic.setNow("2026-10-30T12:00:00Z")
        let autumn = try clinic.store.nextFreeSlots(.anyDoctor, limit: 6)
        // Then the fall-back Sunday offers the repeated hour twice, each real instant once
        #expect(
            autumn.entries.map { autumn.timeZone.iso8601($0.slot.start) } == [
                "2026-11-01T00:00:00-04:00", "2026-11-01T00:30:00-04:00", "2026-11-01T01:00:00-04:00",
                "2026-11-01T01:30:00-04:00", "2026-11-01T01:00:00-05:00", "2026-11-01T01:30:00-05:00",
            ])
        #expect(autumn.from == date("2026-10-30") && autumn.through == date("2026-11-01"))
    }

    @Test("A doctor on time off is skipped until they are back")
    func timeOffSkipsDoctor() throws {
        // Given Dr Abe off on Monday and Dr Bo working as usual, both 09:00–10:00
        let clinic = try TestClinic()
        let abe = try clinic.addDoctor(name: "Dr Abe", hours: "mon-fri 09:00-10:00", specialization: "Dermatology")
        try clinic.addDoctor(name: "Dr Bo", hours: "mon-fri 09:00-10:00", specialization: "Dermatology")
        try clinic.store.addTimeOff(
            doctorID: abe.id, from: try clinic.local("2026-03-02", "00:00"), to: try clinic.local("2026-03-03", "00:00"), by: .shell)
        // When four Dermatology slots are asked for
        let found = try clinic.store.nextFreeSlots(.specialization("Dermatology"), limit: 4)
        // Then Monday is Dr Bo's alone, and Dr Abe is back on Tuesday
        #expect(lines(found) == ["Mon 09:00 Dr Bo", "Mon 09:30 Dr Bo", "Tue 09:00 Dr Abe", "Tue 09:00 Dr Bo"])
    }

    @Test("An inactive doctor offers nothing, and asking for them is not_found")
    func inactiveDoctor() throws {
        // Given two doctors, the earlier-named one deactivated
        let clinic = try TestClinic()
        let gone = try clinic.addDoctor(name: "Dr Able", hours: "mon-fri 09:00-10:00")
        try clinic.addDoctor(name: "Dr Baker", hours: "mon-fri 11:00-12:00")
        _ = try clinic.store.deactivate(accountID: gone.id, by: .shell)
        // When any doctor's first slots are asked for
        let found = try clinic.store.nextFreeSlots(.anyDoctor, limit: 2)
        // Then only Dr Baker's come, and the deactivated doctor's own search is refused
        #expect(lines(found) == ["Mon 11:00 Dr Baker", "Mon 11:30 Dr Baker"])
        #expect(refusal { try clinic.store.nextFreeSlots(.doctor(gone.id)) } == .notFound)
        #expect(refusal { try clinic.store.nextFreeSlots(.doctor(try clinic.addPatient().id)) } == .notFound)
    }

    @Test("Today's slots that have started are not offered")
    func startedSlotsSkipped() throws {
        // Given the clock at 10:10 on a working Tuesday (EST)
        let clinic = try TestClinic(now: TestClinic.instant("2026-03-03T15:10:00Z"))
        let doctor = try clinic.addDoctor(hours: "tue 09:00-12:00")
        // When the next slots are asked for from today, and from a date already past
        let found = try clinic.store.nextFreeSlots(.doctor(doctor.id), limit: 3)
        let fromPast = try clinic.store.nextFreeSlots(.doctor(doctor.id), from: date("2026-02-01"), limit: 3)
        // Then 09:00–10:00 and the 10:00 that started are left out, and a past date means today
        #expect(lines(found) == ["Tue 10:30 \(doctor.name)", "Tue 11:00 \(doctor.name)", "Tue 11:30 \(doctor.name)"])
        #expect(fromPast == found)
        // And exactly at a slot's start it is gone
        clinic.setNow("2026-03-03T15:30:00Z")
        #expect(try lines(clinic.store.nextFreeSlots(.doctor(doctor.id), limit: 1)) == ["Tue 11:00 \(doctor.name)"])
    }

    @Test("The limit: as many as asked, 1–100")
    func limit() throws {
        let clinic = try TestClinic()
        let doctor = try clinic.addDoctor()
        #expect(try clinic.store.nextFreeSlots(.doctor(doctor.id), limit: 1).entries.count == 1)
        #expect(try clinic.store.nextFreeSlots(.doctor(doctor.id), limit: 100).entries.count == 100)
        #expect(refusal { try clinic.store.nextFreeSlots(.doctor(doctor.id), limit: 0) } == .invalidInput)
        #expect(refusal { try clinic.store.nextFreeSlots(.doctor(doctor.id), limit: 101) } == .invalidInput)
    }

    @Test("Nothing free within the horizon: an empty list that says how far it looked")
    func horizonExhausted() throws {
        // Given a doctor away for the next 90 days, and another who works only on Sundays
        let clinic = try TestClinic()
        let away = try clinic.addDoctor(hours: "mon-fri 09:00-10:00")
        try clinic.store.addTimeOff(
            doctorID: away.id, from: try clinic.local("2026-03-02", "00:00"), to: try clinic.local("2026-05-31", "00:00"), by: .shell)
        let sundays = try clinic.addDoctor(hours: "sun 09:00-10:00")
        // When their next slots are asked for
        let none = try clinic.store.nextFreeSlots(.doctor(away.id))
        let short = try clinic.store.nextFreeSlots(.doctor(sundays.id), horizonDays: 5)
        // Then nothing within 60 days (2 March through 30 April), and nothing in Mon–Fri for the Sunday doctor
        #expect(none.entries.isEmpty && none.exhausted)
        #expect(none.from == date("2026-03-02") && none.through == date("2026-04-30"))
        #expect(short.entries.isEmpty && short.through == date("2026-03-06"))
        // And a horizon beyond the booking window, or a start date beyond it, is bad input
        #expect(refusal { try clinic.store.nextFreeSlots(.anyDoctor, horizonDays: 0) } == .invalidInput)
        #expect(refusal { try clinic.store.nextFreeSlots(.anyDoctor, from: date("2029-03-02")) } == .invalidInput)
    }

    @Test("Nothing past the booking window (two years ahead) is offered")
    func bookingWindow() throws {
        // Given a doctor working every day, and a search starting two years ahead
        let clinic = try TestClinic()  // now: 2026-03-02T12:00Z
        let doctor = try clinic.addDoctor(hours: "mon-sun 06:00-08:00")
        let found = try clinic.store.nextFreeSlots(.doctor(doctor.id), from: date("2028-03-01"), limit: 100)
        // Then every slot starts within 731 days of now, and the search stops at the window's last day
        let window = utc("2026-03-02T12:00:00Z") + 731 * 86_400
        #expect(!found.entries.isEmpty && found.entries.allSatisfy { $0.slot.start <= window })
        #expect(found.through == date("2028-03-02") && found.exhausted)
        #expect(throws: Never.self) {
            try clinic.book(doctor: doctor, patient: try clinic.addPatient(), at: found.entries.last!.slot.start)
        }
    }

    @Test("Many doctors: the day is read in chunks from its start, and the answer is the same as day by day, doctor by doctor")
    func manyDoctorsInChunks() throws {
        // Given 30 doctors with 24 slots each on Monday (720 candidates: more than one read's worth),
        // the first three hours booked for every doctor, and a few more scattered
        let clinic = try TestClinic(now: TestClinic.instant("2026-03-02T05:00:00Z"))  // Monday, 00:00 in New York
        let doctors = try (0..<30).map { i in
            try clinic.addDoctor(name: "Dr \(String(format: "%02d", 29 - i))", hours: "mon 08:00-20:00", specialization: "Oncology")
        }
        let patients = try (0..<30).map { _ in try clinic.addPatient() }  // one each: a patient is never in two places
        _ = try clinic.store.updateSettings(.init(maxActiveVisits: 0), by: .shell)  // each holds up to seven visits
        for (i, doctor) in doctors.enumerated() {
            for hour in 0..<6 { try clinic.book(doctor: doctor, patient: patients[i], at: try clinic.local("2026-03-02", "08:00") + Int64(hour) * 1_800) }
            if i % 7 == 0 { try clinic.book(doctor: doctor, patient: patients[i], at: try clinic.local("2026-03-02", "11:00")) }
        }
        // When 40 Oncology slots are asked for
        let found = try clinic.store.nextFreeSlots(.specialization("Oncology"), limit: 40)
        // Then they are the first 40 free slots of the day views, by time then name
        var expected: [(Int64, String, String)] = []
        for doctor in doctors {
            for e in try clinic.store.slots(doctorID: doctor.id, on: date("2026-03-02"), viewer: .shell).entries where e.free {
                expected.append((e.slot.start, doctor.name, doctor.email!))
            }
        }
        expected.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        #expect(found.entries.map { "\($0.slot.start) \($0.doctor.name)" } == expected.prefix(40).map { "\($0.0) \($0.1)" })
        #expect(found.entries.first.map { found.timeZone.local($0.slot.start).time.description } == "11:00")
        #expect(found.entries.first?.doctor.name == "Dr 00")
    }

    @Test(
        "Each day is one search of the (doctor, start) index per doctor, never a scan of the appointments",
        .enabled(if: !TestDatabase.isPostgres, "SQLite's query plan"))
    func queryPlan() throws {
        let clinic = try TestClinic()
        let plan = try clinic.store.reader.read { db in
            try StoreRow.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + ClinicStore.takenStartsSQL, arguments: ["[1,2]", 0, 1]).map { $0["detail"] as String }
        }
        #expect(
            plan.contains { $0.hasPrefix("SEARCH appointment USING COVERING INDEX appointment_") && $0.contains("doctor_id=? AND start_at>? AND start_at<?") })
        #expect(!plan.contains { $0.hasPrefix("SCAN appointment") }, "\(plan)")
    }

    @Test("A specialization is matched ignoring case; an unknown one lists the known ones")
    func specializationNames() throws {
        // Given a cardiologist and a dermatologist
        let clinic = try TestClinic()
        try clinic.addDoctor(name: "Dr Heart", hours: "mon 09:00-10:00", specialization: "Cardiology")
        try clinic.addDoctor(name: "Dr Skin", hours: "mon 08:00-09:00", specialization: "Dermatology")
        // When cardiology is asked for in lower case
        let found = try clinic.store.nextFreeSlots(.specialization("cardiology"), limit: 3)
        // Then only the cardiologist's slots come, though the dermatologist's are earlier
        #expect(lines(found) == ["Mon 09:00 Dr Heart", "Mon 09:30 Dr Heart", "Mon 09:00 Dr Heart"])
        #expect(found.through == date("2026-03-09"))
        // And an unknown specialization is not_found naming the known ones
        do {
            _ = try clinic.store.nextFreeSlots(.specialization("Astrology"))
            Issue.record("an unknown specialization was accepted")
        } catch let error as ClinicError {
            #expect(error.code == .notFound)
            #expect(error.message == "no active doctor has the specialization 'Astrology'; known: Cardiology, Dermatology")
        }
    }
}
