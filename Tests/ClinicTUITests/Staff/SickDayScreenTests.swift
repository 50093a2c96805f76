import ClinicCore
import ClinicTesting
import Foundation
import Testing

@_spi(Tooling) @testable import ClinicTUI

/// The admin's sick day and closure day on the cell buffer: the first Enter
/// lists the booked visits, the second cancels them with the time off and
/// says so; changing the dates in between asks again.
@Suite("Sick days and closure days on the admin console")
struct SickDayScreenTests {
    @Test("a sick day: Enter lists the booked visits, Enter again cancels them and texts the patients")
    func sickDay() throws {
        let clinic = try TestClinic()
        let ana = try clinic.addDoctor(name: "Dr Ana Moreau", hours: "mon-fri 09:00-12:00")
        let pia = try clinic.addPatient(name: "Pia 각 Kowalska")
        let booked = try clinic.book(doctor: ana, patient: pia, at: clinic.local("2026-03-03", "11:00"))
        let admin = try clinic.addStaff(.admin)
        let h = try TUIHarness(.staff, clinic: clinic)
        h.signIn(admin.email!, "staff-password")
        h.core.open(TimeOffListModel(h.core.context, doctor: ana))
        h.press(.char("n"))
        h.press(.ctrl("u")); h.type("2026-03-03"); h.press(.tab, .ctrl("u")); h.type("2026-03-03"); h.press(.tab); h.type("फ़्लू 🤒"); h.press(.enter)
        #expect(h.screen.contains("1 visit is booked then.") && h.screen.contains(booked.code) && h.screen.contains("Pia 각 Kowalska"), "\(h.screen)")
        #expect(h.screen.contains(pia.phone!))
        #expect(try clinic.store.appointment(code: booked.code).status == .scheduled)
        // Changing the dates asks again (the preview was for other days)
        h.press(.backTab, .ctrl("u")); h.type("2026-03-04"); h.press(.enter)
        #expect(try clinic.store.timeOff(doctorID: ana.id).isEmpty && clinic.store.appointment(code: booked.code).status == .scheduled)
        #expect(h.screen.contains("1 visit is booked then."))
        h.press(.enter)
        #expect(h.core.top is TimeOffListModel, "\(h.screen)")
        #expect(
            h.screen.contains("Time off added for Dr Ana Moreau: 2026-03-03 to 2026-03-04. 1 visit")
                && h.screen.contains("cancelled; the patients are texted."), "\(h.screen)")
        #expect(try clinic.store.appointment(code: booked.code).status == .cancelled)
        #expect(try clinic.store.events(code: booked.code).last?.note == "फ़्लू 🤒")
        #expect(try clinic.store.smsLog().contains { $0.kind == .cancellation && $0.to == pia.phone && $0.body.contains("not available that day") })
    }

    @Test("a visit booked after the list was shown is listed before anything is cancelled")
    func bookedMeanwhile() throws {
        let clinic = try TestClinic()
        let ana = try clinic.addDoctor(name: "Dr Ana Moreau", hours: "mon-fri 09:00-12:00")
        let first = try clinic.book(doctor: ana, patient: clinic.addPatient(), at: clinic.local("2026-03-03", "09:00"))
        let admin = try clinic.addStaff(.admin)
        let h = try TUIHarness(.staff, clinic: clinic)
        h.signIn(admin.email!, "staff-password")
        h.core.open(TimeOffListModel(h.core.context, doctor: ana))
        h.press(.char("n"))
        h.press(.ctrl("u")); h.type("2026-03-03"); h.press(.tab, .ctrl("u")); h.type("2026-03-03"); h.press(.enter)
        #expect(h.screen.contains("1 visit is booked then."))
        // another terminal books the same day meanwhile
        let second = try clinic.book(doctor: ana, patient: clinic.addPatient(), at: clinic.local("2026-03-03", "10:00"))
        h.press(.enter)
        #expect(h.screen.contains("2 visits are booked then.") && h.screen.contains(second.code), "\(h.screen)")
        #expect(try clinic.store.appointment(code: first.code).status == .scheduled)
        h.press(.enter)
        #expect(try clinic.store.appointment(code: first.code).status == .cancelled)
        #expect(try clinic.store.appointment(code: second.code).status == .cancelled)
    }

    @Test("closure days from the admin's menu: added over every doctor, listed, removed on the second x")
    func closureDays() throws {
        let clinic = try TestClinic()
        let ana = try clinic.addDoctor(name: "Dr Ana Moreau")
        let admin = try clinic.addStaff(.admin)
        let h = try TUIHarness(.staff, clinic: clinic)
        h.signIn(admin.email!, "staff-password")
        while (h.core.top as? AdminHomeModel)?.list.selected != AdminHomeModel.Item.closures.rawValue { h.press(.down) }
        h.press(.enter)
        #expect(h.core.top is TimeOffListModel && h.screen.contains("No closure days: n adds one"), "\(h.screen)")
        h.press(.char("n"))
        h.press(.ctrl("u")); h.type("2026-12-24"); h.press(.tab, .ctrl("u")); h.type("2026-12-26"); h.press(.tab); h.type("Noël 🎄"); h.press(.enter)
        #expect(h.screen.contains("The clinic is closed 2026-12-24 to 2026-12-26.") && h.screen.contains("Noël"), "\(h.screen)")
        #expect(try clinic.store.slots(doctorID: ana.id, on: LocalDate("2026-12-24")!, viewer: .shell).entries.isEmpty)
        h.press(.char("x"), .char("x"))
        #expect(h.screen.contains("Removed closure 2026-12-24 to 2026-12-26."), "\(h.screen)")
        #expect(try clinic.store.closures().isEmpty)
    }
}
