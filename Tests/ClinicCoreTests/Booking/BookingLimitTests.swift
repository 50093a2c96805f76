import ClinicCore
import ClinicTesting
import Testing

/// The clinic's booking limits: at most N visits to come per patient (the
/// desk may book over it with a reason, audited), one visit per doctor per
/// day for a patient booking themselves; both settings change.
@Suite("Booking limits")
struct BookingLimitTests {
    let clinic: TestClinic
    let ana: Account, ben: Account, pia: Account, desk: Account

    init() throws {
        // Given two doctors (weekdays 09–12, 14–17), a patient and the desk, on Monday 2 March 2026
        clinic = try TestClinic()
        ana = try clinic.addDoctor(name: "Dr Ana")
        ben = try clinic.addDoctor(name: "Dr Ben")
        pia = try clinic.addPatient(name: "Pia")
        desk = try clinic.addStaff(.receptionist)
    }

    func request(_ doctor: Account, _ day: String, _ time: String, override: String = "") throws -> BookingRequest {
        BookingRequest(doctorID: doctor.id, patientID: pia.id, start: try clinic.local(day, time), reason: "Check-up", overrideReason: override)
    }

    @Test("A fifth visit to come is refused (conflict, naming the four) until one is over or cancelled; the desk books it with a reason")
    func atMostFourToCome() throws {
        let days = ["2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"]
        let four = try days.map { try clinic.store.book(try request(ana, $0, "09:00"), by: clinic.actor(desk)) }
        for actor in [clinic.actor(desk), clinic.actor(pia, via: .kiosk), Actor.shell] {
            do {
                _ = try clinic.store.book(try request(ben, "2026-03-09", "09:00"), by: actor)
                Issue.record("a fifth visit was booked by \(actor)")
            } catch let error as ClinicError {
                #expect(error.code == .conflict && error.field == .overrideReason)
                #expect(four.allSatisfy { error.message.contains($0.code) }, "\(error.message)")
            }
        }
        // A patient may not give a reason to book over the limit; the desk may, and the audit row keeps it
        #expect(refusal { try clinic.store.book(try request(ben, "2026-03-09", "09:00", override: "asked"), by: clinic.actor(pia, via: .kiosk)) } == .forbidden)
        let fifth = try clinic.store.book(try request(ben, "2026-03-09", "09:00", override: "post-op series, Dr Ana's order"), by: clinic.actor(desk))
        #expect(try clinic.store.events(code: fifth.code).first?.note == "booked over the limits: post-op series, Dr Ana's order")
        // Once one is cancelled, the patient may book again (five to come still refused)
        _ = try clinic.store.transition(code: four[0].code, to: .cancelled, by: .shell)
        _ = try clinic.store.transition(code: four[1].code, to: .cancelled, by: .shell)
        _ = try clinic.store.book(try request(ben, "2026-03-10", "09:00"), by: clinic.actor(pia, via: .kiosk))
        #expect(refusal { try clinic.store.book(try request(ben, "2026-03-11", "09:00"), by: clinic.actor(pia, via: .kiosk)) } == .conflict)
        // and a visit that is over no longer counts
        clinic.setNow("2026-03-05T15:00:00Z")
        _ = try clinic.store.book(try request(ben, "2026-03-11", "09:00"), by: clinic.actor(pia, via: .kiosk))
    }

    @Test("A patient booking themselves gets one visit per doctor per day; the desk may book a second")
    func onePerDoctorPerDay() throws {
        _ = try clinic.store.book(try request(ana, "2026-03-03", "09:00"), by: clinic.actor(pia, via: .kiosk))
        do {
            _ = try clinic.store.book(try request(ana, "2026-03-03", "14:00"), by: clinic.actor(pia, via: .api))
            Issue.record("a second visit with the same doctor that day was booked")
        } catch let error as ClinicError {
            #expect(error.code == .conflict && error.message.contains("already have a visit with this doctor that day"))
        }
        // another doctor that day, or the same doctor another day, is fine; so is the desk
        _ = try clinic.store.book(try request(ben, "2026-03-03", "14:00"), by: clinic.actor(pia, via: .kiosk))
        _ = try clinic.store.book(try request(ana, "2026-03-04", "09:00"), by: clinic.actor(pia, via: .kiosk))
        _ = try clinic.store.book(try request(ana, "2026-03-03", "15:00"), by: clinic.actor(desk))
    }

    @Test("A patient cannot move a visit onto a day they already see that doctor; moving within the day is fine")
    func moveIsNoWayAround() throws {
        let kiosk = clinic.actor(pia, via: .kiosk)
        _ = try clinic.store.book(try request(ana, "2026-03-03", "09:00"), by: kiosk)
        let other = try clinic.store.book(try request(ben, "2026-03-03", "14:00"), by: kiosk)
        let onAnasDay = try clinic.local("2026-03-03", "15:00")
        #expect(refusal { try clinic.store.reschedule(code: other.code, to: onAnasDay, doctorID: ana.id, by: kiosk) } == .conflict)
        #expect(try clinic.store.appointment(code: other.code).doctor.id == ben.id)
        _ = try clinic.store.reschedule(code: other.code, to: try clinic.local("2026-03-03", "15:00"), by: kiosk)  // same doctor, same day
        _ = try clinic.store.reschedule(code: other.code, to: try clinic.local("2026-03-04", "15:00"), doctorID: ana.id, by: kiosk)
        _ = try clinic.store.reschedule(code: other.code, to: try clinic.local("2026-03-03", "16:00"), by: clinic.actor(desk))  // the desk may
    }

    @Test("Both limits are settings: 0 lifts the first, false the second; out of range is invalid input")
    func settings() throws {
        #expect(try clinic.store.settings().maxActiveVisits == 4 && clinic.store.settings().onePerDoctorDay)
        #expect(refusal { try clinic.store.updateSettings(.init(maxActiveVisits: 101), by: .shell) } == .invalidInput)
        #expect(refusal { try clinic.store.updateSettings(.init(maxActiveVisits: 0), by: clinic.actor(desk)) } == .forbidden)
        _ = try clinic.store.updateSettings(.init(maxActiveVisits: 0, onePerDoctorDay: false), by: .shell)
        for (i, day) in ["2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-09"].enumerated() {
            _ = try clinic.store.book(try request(ana, day, "09:00"), by: clinic.actor(pia, via: .kiosk))
            if i == 0 { _ = try clinic.store.book(try request(ana, day, "14:00"), by: clinic.actor(pia, via: .kiosk)) }
        }
        _ = try clinic.store.updateSettings(.init(maxActiveVisits: 2), by: .shell)
        #expect(try clinic.store.settings().maxActiveVisits == 2)
        #expect(refusal { try clinic.store.book(try request(ben, "2026-03-10", "09:00"), by: .shell) } == .conflict)
    }
}
