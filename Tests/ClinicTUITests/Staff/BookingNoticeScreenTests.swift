@_spi(Tooling) import ClinicCore
import ClinicTesting
import Foundation
import Testing
@_spi(Tooling) @testable import ClinicTUI

/// The booking notice from the staff terminal: a visit booked or moved at the
/// desk leaves its SMS in the outbox, and the admin's Settings screen turns it off.
@Suite("Booking notice at the desk and in the settings")
struct BookingNoticeScreenTests {
    @Test("n books and r moves at the desk: the patient's booking and move notices are queued")
    func deskBookingAndMoveQueueNotices() throws {
        // Given the desk on the board of Tuesday, one visit with Dr Ana Moreau booked by the shell
        let clinic = try TestClinic()
        let ana = try clinic.addDoctor(name: "Dr Ana Moreau", specialization: "Cardiology")
        let zoe = try clinic.addPatient(name: "Zoë Lefèvre"), omar = try clinic.addPatient(name: "Omar Haddad")
        try clinic.book(doctor: ana, patient: zoe, at: clinic.local("2026-03-03", "09:00"))
        let receptionist = try clinic.addStaff(.receptionist)
        let h = try TUIHarness(.staff, clinic: clinic)
        h.signIn(receptionist.email!, "staff-password")

        // When the receptionist books Omar in the next free slot from the board
        h.press(.char("]"), .char("n"))
        h.type("omar"); h.press(.enter)
        h.press(.enter); h.type("Check-up"); h.press(.enter, .enter)
        #expect(h.core.top is BoardModel, "\(h.screen)")

        // Then Omar's booking notice is queued with the code and how to reply
        let visit = try #require(try clinic.store.appointments(AppointmentFilter(patientID: omar.id)).first)
        let notice = try #require(try clinic.store.smsLog(SMSLogFilter(appointmentCode: visit.code)).first)
        #expect(notice.kind == .booking && notice.to == omar.phone && notice.state == .queued)
        #expect(notice.body.contains("Tue 3 Mar 2026 at 09:30") && notice.body.contains("Reply CONFIRM \(visit.code) or CANCEL \(visit.code)."))

        // When the receptionist moves it to the next day from Omar's card
        h.press(.char("/")); h.type("omar"); h.press(.enter)
        h.press(.char("r"))
        #expect(h.core.top is RescheduleModel, "\(h.screen)")
        h.press(.char("]"), .enter)  // Wed 4 Mar 09:00
        #expect(h.screen.contains("Moved \(visit.code) to Wed 4 Mar 2026 09:00."), "\(h.screen)")

        // Then the move's notice is queued and the old one skipped
        let log = try clinic.store.smsLog(SMSLogFilter(appointmentCode: visit.code))
        #expect(log.map(\.kind) == [.moved, .booking])
        #expect(log.first?.body.contains("moved to Wed 4 Mar 2026 at 09:00 with Dr Ana Moreau") == true)
        #expect(log.last?.state == .skipped && log.last?.errorCode == "appointment_moved")
    }

    @Test("settings: the admin turns the booking SMS off; a bad value is refused under its field")
    func settingsTurnTheNoticeOff() throws {
        let clinic = try TestClinic()
        let admin = try clinic.addStaff(.admin)
        let h = try TUIHarness(.staff, clinic: clinic)
        h.signIn(admin.email!, "staff-password")
        h.core.open(SettingsModel(h.core.context))
        #expect(h.screen.contains("Booking SMS"), "\(h.screen)")
        #expect(try #require(h.core.top as? SettingsModel).form[6] == "yes")
        h.press(.tab, .tab, .tab, .tab, .tab, .tab, .ctrl("u")); h.type("maybe"); h.press(.enter)
        #expect(h.screen.contains("yes or no (an SMS on each booking and move)"), "\(h.screen)")
        h.press(.ctrl("u")); h.type("no"); h.press(.enter)
        #expect(h.screen.contains("Saved."), "\(h.screen)")
        #expect(try !clinic.store.settings().bookingNotice)
    }
}
