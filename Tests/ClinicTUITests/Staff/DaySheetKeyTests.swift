import ClinicCore
import ClinicTesting
import Foundation
import Testing
@_spi(Tooling) @testable import ClinicTUI

/// `w` on the desk's board and on a doctor's day: the day sheet is written
/// beside the database (the whole clinic's from the board, the doctor's own
/// from their day), the notice line says where, and `?` lists the key.
@Suite("Day sheet keys")
struct DaySheetKeyTests {
    @Test func theBoardWritesEveryDoctorsSheetAndTheDoctorTheirOwn() throws {
        // Given two doctors with visits on Mon 2 Mar 2026
        let clinic = try TestClinic()
        let ana = try clinic.addDoctor(name: "Dr Ana Moreau", specialization: "Cardiology")
        let ben = try clinic.addDoctor(name: "Dr Ben Okafor", specialization: "Dermatology")
        let p = try clinic.addPatient(name: "प्रिया शर्मा")
        let a = try clinic.book(doctor: ana, patient: p, at: clinic.local("2026-03-02", "09:00"), reason: "Palpitations")
        let b = try clinic.book(doctor: ben, patient: p, at: clinic.local("2026-03-02", "14:00"), reason: "Rash")
        let path = clinic.directory.path("day-sheet-2026-03-02.txt")

        // When the receptionist presses w on the board
        let desk = try TUIHarness(.staff, clinic: clinic)
        desk.signIn(try clinic.addStaff(.receptionist).email!, "staff-password")
        desk.width = 120
        desk.press(.char("w"))
        // Then the file holds every doctor's visits and the notice names it
        #expect(desk.screen.contains("Day sheet (2 appointments) written to \(path)"))
        let whole = try String(contentsOfFile: path, encoding: .utf8)
        #expect(whole.contains(a.code) && whole.contains(b.code) && whole.contains("प्रिया शर्मा"))
        desk.press(.char("?"))
        #expect(desk.screen.contains("w") && desk.screen.contains("write day sheet"))

        // When Dr Ben presses w on his day, then the file is his own sheet (replacing the board's)
        let doctor = try TUIHarness(.staff, clinic: clinic)
        doctor.signIn(ben.email!, "doctor-password")
        doctor.width = 120
        doctor.press(.char("w"))
        #expect(doctor.screen.contains("Day sheet (1 appointment) written to \(path)"))
        let own = try String(contentsOfFile: path, encoding: .utf8)
        #expect(own.contains(b.code) && !own.contains(a.code) && !own.contains("Dr Ana Moreau"))
    }
}
