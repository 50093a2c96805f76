import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// `ClinicStore.daySheet(on:doctorID:by:)` on a real SQLite file with a
/// manual clock: Monday 2 March 2026, 07:00 in New York. Dr Ana (cardiology,
/// weekdays) has two visits on Tuesday 3 March, one of them cancelled; Dr
/// Ben (dermatology) works Saturdays only.
@Suite("Day sheet: the store")
struct DaySheetStoreTests {
    let clinic: TestClinic
    let ana: Account, ben: Account, priya: Account, kim: Account
    let first: Appointment, second: Appointment
    static let tuesday = LocalDate(year: 2026, month: 3, day: 3)!

    init() throws {
        clinic = try TestClinic()
        ana = try clinic.addDoctor(name: "Dr Ana Moreau", specialization: "Cardiology")
        ben = try clinic.addDoctor(name: "Dr Ben Okafor", hours: "sat 09:00-12:00", specialization: "Dermatology")
        priya = try clinic.addPatient(name: "प्रिया शर्मा")
        kim = try clinic.addPatient(name: "김각 🇵🇱")
        first = try clinic.book(doctor: ana, patient: priya, at: try clinic.local("2026-03-03", "09:00"), reason: "Chest pain, mild")
        second = try clinic.book(doctor: ana, patient: kim, at: try clinic.local("2026-03-03", "09:30"), reason: "Follow-up")
        _ = try clinic.store.transition(code: second.code, to: .cancelled, by: .shell)
    }

    @Test func theDeskGetsEveryDoctorWithEachVisitsColumns() throws {
        // Given the clinic above; when the receptionist asks for Tuesday's sheet
        let desk = clinic.actor(try clinic.addStaff(.receptionist))
        let sheet = try clinic.store.daySheet(on: Self.tuesday, by: desk)
        // Then every doctor is listed, by specialization, with the day's visits in start order
        #expect(sheet.clinicName == "Test Clinic" && sheet.date == Self.tuesday && sheet.timeZone.identifier == "America/New_York")
        #expect(sheet.doctors.map(\.name) == ["Dr Ana Moreau", "Dr Ben Okafor"])
        #expect(sheet.doctors.map(\.specialization) == ["Cardiology", "Dermatology"])
        let visits = sheet.doctors[0].visits
        #expect(visits.map(\.code) == [first.code, second.code])
        #expect(visits.map(\.status) == [.scheduled, .cancelled])
        #expect(visits.map(\.patient.name) == ["प्रिया शर्मा", "김각 🇵🇱"])
        #expect(visits.map(\.patient.phone) == [priya.phone, kim.phone])
        #expect(visits.map(\.reason) == ["Chest pain, mild", "Follow-up"])
        #expect(visits.map { sheet.timeZone.iso8601($0.start) } == ["2026-03-03T09:00:00-05:00", "2026-03-03T09:30:00-05:00"])
        #expect(visits.map { sheet.timeZone.iso8601($0.end) } == ["2026-03-03T09:30:00-05:00", "2026-03-03T10:00:00-05:00"])
        #expect(sheet.madeAt == TestClinic.seconds("2026-03-02T12:00:00Z"))
    }

    @Test func aDoctorWhoDoesNotWorkThatWeekdaySaysSo() throws {
        let sheet = try clinic.store.daySheet(on: Self.tuesday, by: .shell)
        let ben = try #require(sheet.doctors.last)
        #expect(ben.visits.isEmpty && !ben.works)
        #expect(ben.emptyNote(on: Self.tuesday) == "no appointments (not working on Tuesdays)")
        #expect(DaySheetText.render(sheet).contains("  no appointments (not working on Tuesdays)\n"))
    }

    @Test func anEmptyDayListsEveryDoctorWithNoAppointments() throws {
        // Wednesday: Ana works, nobody booked; Ben does not work
        let wednesday = Self.tuesday.adding(days: 1)
        let sheet = try clinic.store.daySheet(on: wednesday, by: .shell)
        #expect(sheet.visits.isEmpty)
        #expect(sheet.doctors.map(\.works) == [true, false])
        #expect(sheet.doctors.map { $0.emptyNote(on: wednesday) } == ["no appointments", "no appointments (not working on Wednesdays)"])
        #expect(DaySheetCSV.render(sheet) == DaySheetCSV.header.joined(separator: ",") + "\r\n")
    }

    @Test func aDoctorSeesTheirOwnSheetOnlyAndAPatientNone() throws {
        let doctor = clinic.actor(ana)
        // own day: allowed
        let own = try clinic.store.daySheet(on: Self.tuesday, doctorID: ana.id, by: doctor)
        #expect(own.doctors.map(\.id) == [ana.id] && own.visits.count == 2)
        // another doctor's day, and the whole clinic's: forbidden
        #expect(refusal { try clinic.store.daySheet(on: Self.tuesday, doctorID: ben.id, by: doctor) } == .forbidden)
        #expect(refusal { try clinic.store.daySheet(on: Self.tuesday, by: doctor) } == .forbidden)
        // a patient: never, not even the doctor of their own visit
        #expect(refusal { try clinic.store.daySheet(on: Self.tuesday, doctorID: ana.id, by: clinic.actor(priya)) } == .forbidden)
        // an admin: any doctor's
        let admin = clinic.actor(try clinic.addStaff(.admin))
        #expect(try clinic.store.daySheet(on: Self.tuesday, doctorID: ben.id, by: admin).doctors.map(\.id) == [ben.id])
    }

    @Test func anIdThatIsNoDoctorsIsNotFound() throws {
        #expect(refusal { try clinic.store.daySheet(on: Self.tuesday, doctorID: 9_999, by: .shell) } == .notFound)
        #expect(refusal { try clinic.store.daySheet(on: Self.tuesday, doctorID: priya.id, by: .shell) } == .notFound)
    }

    @Test func theDayIsTheClinicsLocalDayNotUTCs() throws {
        // 19:30 in New York on Tuesday is 00:30 UTC on Wednesday: it belongs to Tuesday's sheet
        let late = try clinic.addDoctor(name: "Dr Late", hours: "mon-fri 19:00-20:00", specialization: "Allergy")
        let a = try clinic.book(doctor: late, patient: priya, at: try clinic.local("2026-03-03", "19:30"))
        #expect(try clinic.store.daySheet(on: Self.tuesday, doctorID: late.id, by: .shell).visits.map(\.code) == [a.code])
        #expect(try clinic.store.daySheet(on: Self.tuesday.adding(days: 1), doctorID: late.id, by: .shell).visits.isEmpty)
    }
}
