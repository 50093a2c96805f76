import ClinicCore
import ClinicTesting
import Testing

/// A sick day or a closure over booked visits: listed first, then added in one
/// transaction that cancels each visit (audited) and texts each patient why.
@Suite("Sick days and closure days over booked visits")
struct SickDayTests {
    let clinic: TestClinic
    let doctor: Account
    let other: Account
    let patients: [Account]
    let visits: [Appointment]

    init() throws {
        // Given two doctors; the first has three visits on Tuesday 3 March, the second one
        clinic = try TestClinic()
        doctor = try clinic.addDoctor(name: "Dr Ana Moreau")
        other = try clinic.addDoctor(name: "Dr Ravi शर्मा")
        let clinic = clinic
        let people = try (0..<4).map { _ in try clinic.addPatient() }
        patients = people
        visits = [
            try clinic.book(doctor: doctor, patient: people[0], at: try clinic.local("2026-03-03", "09:00")),
            try clinic.book(doctor: doctor, patient: people[1], at: try clinic.local("2026-03-03", "14:30")),
            try clinic.book(doctor: doctor, patient: people[2], at: try clinic.local("2026-03-04", "09:00")),
            try clinic.book(doctor: other, patient: people[3], at: try clinic.local("2026-03-03", "10:00")),
        ]
    }

    /// Tuesday 3 March, the whole local day.
    var tuesday: (Int64, Int64) { (zone("America/New_York").startOfDay(date("2026-03-03")), zone("America/New_York").startOfDay(date("2026-03-04"))) }

    @Test("The preview lists the doctor's visits the stretch covers and changes nothing")
    func preview() throws {
        let (from, to) = tuesday
        let listed = try clinic.store.timeOffImpact(.doctor(doctor.id), from: from, to: to, by: .shell)
        #expect(listed.map(\.code) == [visits[0].code, visits[1].code])
        let clinicWide = try clinic.store.timeOffImpact(.clinic, from: from, to: to, by: .shell)
        #expect(clinicWide.map(\.code) == [visits[0].code, visits[3].code, visits[1].code])
        #expect(try clinic.count("time_off") == 0)
        #expect(try clinic.store.appointment(code: visits[0].code).status == .scheduled)
    }

    @Test("Without cancelBooked the time off is refused (conflict) naming the visits; nothing is written")
    func refusedWithoutCancel() throws {
        let (from, to) = tuesday
        do {
            _ = try clinic.store.addTimeOff(.doctor(doctor.id), from: from, to: to, note: "flu", by: .shell)
            Issue.record("time off over booked visits was accepted")
        } catch let error as ClinicError {
            #expect(error.code == .conflict)
            #expect(error.message.contains(visits[0].code) && error.message.contains(visits[1].code))
        }
        #expect(try clinic.count("time_off") == 0)
        // Only the visits' own booking notices, still queued
        #expect(try clinic.store.smsLog().filter { $0.kind == .booking && $0.state == .queued }.count == visits.count)
        #expect(try clinic.store.smsLog().count == visits.count)
    }

    @Test("A sick day cancels the covered visits, audits them with the note, and texts each patient to book again")
    func sickDayCancels() throws {
        // When the admin adds Tuesday off for the first doctor, cancelling what is booked
        let (from, to) = tuesday
        let admin = try clinic.addStaff(.admin)
        let outcome = try clinic.store.addTimeOff(
            .doctor(doctor.id), from: from, to: to, note: "sick — बीमार", cancelBooked: true, by: clinic.actor(admin))
        // Then both Tuesday visits are cancelled, Wednesday's and the other doctor's are not
        #expect(outcome.cancelled.map(\.code) == [visits[0].code, visits[1].code])
        #expect(outcome.cancelled.allSatisfy { $0.status == .cancelled })
        #expect(try clinic.store.appointment(code: visits[2].code).status == .scheduled)
        #expect(try clinic.store.appointment(code: visits[3].code).status == .scheduled)
        // and each cancellation is audited: who, via, the note
        let event = try #require(try clinic.store.events(code: visits[0].code).last)
        #expect(event.to == .cancelled && event.actorID == admin.id && event.note == "sick — बीमार")
        // and each patient gets one SMS saying why and asking to book again
        let sms = try clinic.store.smsLog().filter { $0.kind == .cancellation }
        #expect(Set(sms.map(\.to)) == [patients[0].phone, patients[1].phone])
        #expect(sms.allSatisfy { $0.body.contains("Dr Ana Moreau is not available that day") && $0.body.contains("book again") })
        // and the time off is there, its slots gone, and the schedule's audit trail says who added it and what it cancelled
        #expect(try clinic.store.timeOff(doctorID: doctor.id) == [outcome.timeOff])
        let change = try #require(try clinic.store.scheduleEvents(doctorID: doctor.id, by: .shell).first)
        #expect(change.action == .timeOffAdded && change.actorID == admin.id && change.via == .tui)
        #expect(change.detail == "2026-03-03 (all day) — sick — बीमार; cancelled \(visits[0].code), \(visits[1].code)", "\(change.detail)")
        #expect(refusal { try clinic.store.scheduleEvents(doctorID: doctor.id, by: clinic.actor(patients[0])) } == .forbidden)
        #expect(try clinic.store.slots(doctorID: doctor.id, on: date("2026-03-03"), viewer: .shell).entries.isEmpty)
    }

    @Test("A checked-in visit is never cancelled by time off: the whole change is refused")
    func checkedInBlocks() throws {
        clinic.setNow("2026-03-03T13:50:00Z")  // 08:50 in New York, the visit's day
        _ = try clinic.store.transition(code: visits[0].code, to: .checkedIn, by: .shell)
        let (from, to) = tuesday
        #expect(refusal { try clinic.store.addTimeOff(.doctor(doctor.id), from: from, to: to, cancelBooked: true, by: .shell) } == .conflict)
        #expect(try clinic.store.appointment(code: visits[1].code).status == .scheduled)
        #expect(try clinic.count("time_off") == 0)
    }

    @Test("A closure day takes every doctor's slots, doctors added later too; removing it offers them again")
    func closureDay() throws {
        let (from, to) = tuesday
        #expect(refusal { try clinic.store.addTimeOff(.clinic, from: from, to: to, by: .shell) } == .conflict)
        let outcome = try clinic.store.addTimeOff(.clinic, from: from, to: to, note: "Mardi gras", cancelBooked: true, by: .shell)
        #expect(Set(outcome.cancelled.map(\.code)) == [visits[0].code, visits[1].code, visits[3].code])
        #expect(outcome.timeOff.doctorID == nil)
        let sms = try clinic.store.smsLog().filter { $0.kind == .cancellation }
        #expect(sms.count == 3 && sms.allSatisfy { $0.body.contains("the clinic is closed that day") })
        let newcomer = try clinic.addDoctor()
        for d in [doctor, other, newcomer] {
            #expect(try clinic.store.slots(doctorID: d.id, on: date("2026-03-03"), viewer: .shell).entries.isEmpty)
            #expect(try !clinic.store.slots(doctorID: d.id, on: date("2026-03-05"), viewer: .shell).entries.isEmpty)
        }
        // and booking into it is refused as outside the schedule
        #expect(refusal { try clinic.book(doctor: newcomer, patient: patients[0], at: try clinic.local("2026-03-03", "11:00")) } == .outsideSchedule)
        #expect(try clinic.store.closures() == [outcome.timeOff])
        // When it is removed, the slots come back
        let removed = try clinic.store.removeClosure(id: outcome.timeOff.id, by: .shell)
        #expect(removed.note == "Mardi gras")
        #expect(try clinic.store.slots(doctorID: newcomer.id, on: date("2026-03-03"), viewer: .shell).entries.count == 12)
        #expect(refusal { try clinic.store.removeClosure(id: outcome.timeOff.id, by: .shell) } == .notFound)
        #expect(try clinic.store.scheduleEvents(doctorID: nil, by: .shell).map(\.action) == [.closureRemoved, .closureAdded])
    }

    @Test("Only an admin closes the clinic or gives time off, and sees what it would cancel")
    func adminOnly() throws {
        let desk = try clinic.addStaff(.receptionist)
        let (from, to) = tuesday
        #expect(refusal { try clinic.store.addTimeOff(.clinic, from: from, to: to, cancelBooked: true, by: clinic.actor(desk)) } == .forbidden)
        #expect(refusal { try clinic.store.timeOffImpact(.doctor(doctor.id), from: from, to: to, by: clinic.actor(doctor)) } == .forbidden)
        #expect(refusal { try clinic.store.removeClosure(id: 1, by: clinic.actor(desk)) } == .forbidden)
        #expect(try clinic.store.appointment(code: visits[0].code).status == .scheduled)
    }
}
