import ClinicCore
import ClinicTesting
import Foundation
import Testing
@_spi(Tooling) @testable import ClinicTUI

@Suite("Admin console")
struct AdminConsoleTests {
    /// A doctor with a booking on Tue 3 Mar 11:00, a receptionist, and the admin signed in (Mon 2 Mar 2026, 07:00 local).
    func admin() throws -> (TUIHarness, Account, Appointment) {
        let clinic = try TestClinic()
        let ana = try clinic.addDoctor(name: "Dr Ana Moreau", hours: "mon-fri 09:00-12:00")
        try clinic.addStaff(.receptionist)
        let a = try clinic.book(doctor: ana, patient: clinic.addPatient(), at: clinic.local("2026-03-03", "11:00"))
        let admin = try clinic.addStaff(.admin)
        let h = try TUIHarness(.staff, clinic: clinic)
        h.signIn(admin.email!, "staff-password")
        return (h, ana, a)
    }

    @Test("staff accounts: add a doctor with hours (errors under fields); the doctor's slots exist at once")
    func addDoctor() throws {
        let (h, _, _) = try admin()
        h.press(.enter)
        #expect(h.core.top is StaffAccountsModel && h.screen.contains("Dr Ana Moreau") && h.screen.contains("receptionist"))
        h.press(.char("n"))
        h.press(.ctrl("u")); h.type("dentist"); h.press(.enter)
        #expect(h.screen.contains("doctor, receptionist or admin"))
        h.press(.ctrl("u")); h.type("doctor"); h.press(.tab); h.type("Dr Lin Wu"); h.press(.tab); h.type("lin@clinic.test")
        h.press(.tab); h.type("+15550209999"); h.press(.tab); h.type("long-enough-1"); h.press(.tab); h.type("Neurology")
        h.press(.tab, .tab, .ctrl("u")); h.type("mon-fri 9-12"); h.press(.enter)
        #expect((h.core.top as? AddStaffModel)?.form.focus == 7)
        h.press(.ctrl("u")); h.type("mon,wed 13:00-15:00"); h.press(.enter)
        #expect(h.core.top is StaffAccountsModel && h.screen.contains("Added Dr Lin Wu (doctor)."))
        let lin = try h.clinic.store.account(matching: "lin@clinic.test")
        let slots = try h.clinic.store.slots(doctorID: lin.id, on: LocalDate("2026-03-04")!, viewer: .shell)
        #expect(slots.entries.count == 4)
    }

    @Test("hours: live preview of next week's slots; stranding a booking is refused; a valid change saves")
    func hours() throws {
        let (h, ana, a) = try admin()
        h.press(.enter)
        while (h.core.top as? StaffAccountsModel)?.selected?.id != ana.id { h.press(.down) }
        h.press(.char("h"))
        let editor = try #require(h.core.top as? HoursEditorModel)
        #expect(editor.previewFrom == LocalDate("2026-03-09") && editor.form[0] == "09:00-12:00")
        #expect(h.screen.contains("Next week") && h.screen.contains("6 (6)"))
        h.press(.tab); h.press(.ctrl("u")); h.type("09:00-10:00")  // Tuesday shorter: strands the 11:00 booking
        #expect(editor.preview?.stranded == [a.code] && h.screen.contains("Booked outside the new hours: \(a.code)"))
        #expect(h.screen.contains("2 (6)"))
        h.press(.enter)
        #expect(editor.message?.text.contains("move or cancel them first") == true && h.screen.contains("would fall outside"))
        h.press(.ctrl("u")); h.type("9-x")
        #expect(editor.form.fields[1].error != nil)
        h.press(.ctrl("u")); h.type("09:00-12:00"); h.press(.tab, .tab, .tab, .tab); h.type("10:00-12:00")  // Saturday
        h.press(.enter)
        #expect(h.core.top is StaffAccountsModel && h.screen.contains("Saved the hours of Dr Ana Moreau"))
        #expect(try h.clinic.store.hours(doctorID: ana.id).intervals(on: .saturday).count == 1)
    }

    @Test(
        "time off over a booking is refused; free days are taken off, listed as entered and removed; reset password; deactivate on the second x, not while booked"
    )
    func timeOffPasswordDeactivate() throws {
        let (h, ana, booked) = try admin()
        h.press(.enter)
        while (h.core.top as? StaffAccountsModel)?.selected?.id != ana.id { h.press(.down) }
        h.press(.char("o"))
        #expect(h.core.top is TimeOffListModel && h.screen.contains("No time off: n adds some."))
        h.press(.char("n"))
        h.press(.ctrl("u")); h.type("2026-03-03"); h.press(.tab, .ctrl("u")); h.type("2026-03-03"); h.press(.enter)
        // the first Enter lists the booked visit (code, patient, phone) and changes nothing
        #expect(h.screen.contains("1 visit is booked then. Enter again cancels them") && h.screen.contains(booked.code), "\(h.screen)")
        #expect(try h.clinic.store.timeOff(doctorID: ana.id).isEmpty)
        h.press(.backTab, .ctrl("u")); h.type("2026-03-05"); h.press(.tab, .ctrl("u")); h.type("2026-03-05"); h.press(.tab)
        h.type("Conference"); h.press(.enter)
        #expect(h.screen.contains("Time off added for Dr Ana Moreau: 2026-03-05 (all day)."))
        #expect(try h.clinic.store.slots(doctorID: ana.id, on: LocalDate("2026-03-05")!, viewer: .shell).entries.isEmpty)
        // Two more days, the "to" day included, listed as entered; the first removed on the second x
        h.press(.char("n"))
        h.press(.ctrl("u")); h.type("2026-03-09"); h.press(.tab, .ctrl("u")); h.type("2026-03-10"); h.press(.tab); h.type("नेपाल यात्रा"); h.press(.enter)
        #expect(h.screen.contains("2026-03-05 (all day)") && h.screen.contains("2026-03-09 to 2026-03-10") && h.screen.contains("नेपाल यात्रा"))
        h.press(.char("x"))
        #expect(h.screen.contains("Press x again to remove 2026-03-05 (all day)"))
        #expect(try h.clinic.store.timeOff(doctorID: ana.id).count == 2)
        h.press(.char("x"))
        #expect(h.screen.contains("Removed time off 2026-03-05 (all day)."))
        #expect(try h.clinic.store.timeOff(doctorID: ana.id).map { $0.span(in: h.context.timeZone) } == ["2026-03-09 to 2026-03-10"])
        #expect(try !h.clinic.store.slots(doctorID: ana.id, on: LocalDate("2026-03-05")!, viewer: .shell).entries.isEmpty)
        h.press(.escape)
        #expect(h.core.top is StaffAccountsModel)
        h.press(.char("p")); h.type("new-password-1"); h.press(.tab); h.type("new-password-1"); h.press(.enter)
        #expect(h.screen.contains("New password set for Dr Ana Moreau."))
        #expect(try h.clinic.store.signIn(login: ana.email!, password: "new-password-1").id == ana.id)
        h.press(.char("x"))
        #expect(try h.clinic.store.account(matching: ana.email!).active)
        #expect(h.screen.contains("Press x again"))
        h.press(.char("x"))
        #expect(try h.clinic.store.account(matching: ana.email!).active)
        #expect(h.screen.contains("still has appointments to come (\(booked.code))"), "\(h.screen)")
        _ = try h.clinic.store.transition(code: booked.code, to: .cancelled, by: .shell)
        h.press(.char("x"), .char("x"))
        #expect(try !h.clinic.store.account(matching: ana.email!).active && h.screen.contains("Deactivated Dr Ana Moreau."))
        #expect(h.width == 80 && h.screen.contains("inactive"), "80 columns still show who is inactive")
        // x on an inactive account activates it again
        h.press(.char("x"))
        #expect(try h.clinic.store.account(matching: ana.email!).active && h.screen.contains("Activated Dr Ana Moreau again."))
    }

    @Test("settings: view and edit with the core's checks; clinic stats; the board and SMS from the console")
    func settingsAndStats() throws {
        let (h, _, _) = try admin()
        h.press(.down, .down, .enter)
        #expect(h.core.top is SettingsModel && h.screen.contains("America/New_York") && h.screen.contains("scheduler off · sms outbox"))
        h.press(.tab, .tab, .ctrl("u")); h.type("99999"); h.press(.enter)
        #expect(h.screen.contains("reminder lead must be 0…10080 minutes"))
        h.press(.ctrl("u")); h.type("120"); h.press(.enter)
        #expect(try h.clinic.store.settings().reminderLeadMinutes == 120)
        #expect(h.screen.contains("Saved."))
        h.press(.escape, .escape, .down, .enter)
        (h.core.top as? StatsModel)?.waitForCount()
        #expect((h.core.top as? StatsModel)?.doctorID == nil && h.screen.contains("All time: 1 appointments"))
        h.press(.escape, .up, .up, .enter)
        #expect(h.core.top is BoardModel)
    }

    @Test("clinic stats are counted off the key press: the screen says so, then shows both groupings; a change recounts behind the old figures")
    func clinicStatsInTheBackground() throws {
        let (h, ana, _) = try admin()
        let model = StatsModel(h.core.context, doctorID: nil)
        h.core.open(model)
        // the first frame may come before the count: it says what is happening, never a blank
        #expect(model.counting ? h.screen.contains("Counting the clinic's appointments…") : h.screen.contains("All time: 1 appointments"))
        model.waitForCount()
        #expect(model.takeBackgroundUpdate() && !model.takeBackgroundUpdate())
        #expect(!model.counting && h.screen.contains("All time: 1 appointments") && h.screen.contains("2026-03"))
        h.press(.char("m"))
        #expect(model.grouping == .day && h.screen.contains("2026-03-03") && !model.counting)  // counted already
        _ = try h.clinic.book(doctor: ana, patient: h.clinic.addPatient(), at: h.clinic.local("2026-03-04", "09:00"))
        h.core.tick(at: h.time + 1, dataChanged: true)
        #expect(model.stats != nil)  // the old figures stay while the recount runs
        model.waitForCount()
        #expect(h.screen.contains("All time: 2 appointments") && h.screen.contains("2026-03-04"))
    }

    @Test("a new clinic name shows in the status line at once; a time zone changed by another process shows after the refresh")
    func settingsReachTheRunningScreens() throws {
        let (h, _, a) = try admin()
        h.width = 120
        h.press(.down, .down, .enter)
        h.press(.ctrl("u")); h.type("Harbour Clinic"); h.press(.enter)
        #expect(h.screen.contains("Saved.") && h.screen.split(separator: "\n").first?.contains("Harbour Clinic") == true)
        _ = try h.clinic.store.transition(code: a.code, to: .cancelled, by: .shell)  // nothing to come: the zone may change
        _ = try h.clinic.store.updateSettings(.init(timeZone: ClinicTimeZone(identifier: "Europe/London")), by: .shell)
        #expect(h.core.context.timeZone.identifier == "America/New_York")
        h.core.tick(at: h.time + 1, dataChanged: true)
        #expect(h.core.context.timeZone.identifier == "Europe/London" && h.core.context.today == LocalDate(year: 2026, month: 3, day: 2))
    }
}
