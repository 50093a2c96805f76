import ClinicCore
import ClinicTesting
import Testing
@_spi(Tooling) @testable import ClinicTUI

/// The staff status line: scheduler and SMS state from real state, fitted to the width.
@Suite("Status line")
struct StatusLineTests {
    @Test("each scheduler and listener state reads as it should, long and short")
    func texts() {
        #expect(ServicesState(scheduler: .runningHere, gateway: "outbox").text == "scheduler running here · sms outbox")
        #expect(ServicesState(scheduler: .runningElsewhere, gateway: "twilio").text == "scheduler running elsewhere · sms twilio")
        #expect(ServicesState(scheduler: .off, gateway: "outbox").text == "scheduler off · sms outbox")
        let demo = ServicesState(scheduler: .runningHere, gateway: "outbox", listener: .listening("127.0.0.1:8080"))
        #expect(demo.text == "scheduler running here · sms outbox · webhook 127.0.0.1:8080")
        #expect(demo.short == "sched here · outbox · :8080")
        let taken = ServicesState(scheduler: .off, gateway: "outbox", listener: .unavailable("127.0.0.1:8080"))
        #expect(taken.text == "scheduler off · sms outbox · webhook off: 127.0.0.1:8080 in use")
        #expect(taken.short == "sched off · outbox · no webhook")
    }

    @Test("the painter keeps the time, shortens the services, then the user's name")
    func fitting() {
        let state = ServicesState(scheduler: .runningHere, gateway: "outbox", listener: .listening("127.0.0.1:8080"))
        var wide = CellBuffer(width: 120, height: 1)
        let info = StatusInfo(
            clinicName: "Demo Clinic", screenTitle: "Sign in", user: nil, localTime: "Mon 02 Mar 07:00",
            services: state.text, servicesShort: state.short)
        StatusLinePainter.paint(info, into: &wide, row: 0)
        #expect(wide.line(0).hasSuffix("scheduler running here · sms outbox · webhook 127.0.0.1:8080 · Mon 02 Mar 07:00 "))
        var narrow = CellBuffer(width: 80, height: 1)
        StatusLinePainter.paint(info, into: &narrow, row: 0)
        #expect(narrow.line(0).hasSuffix("sched here · outbox · :8080 · Mon 02 Mar 07:00 "))
        #expect(narrow.line(0).hasPrefix(" Demo Clinic · Sign in"))
        var signedIn = info
        signedIn.user = "Ana Moreau-Delacroix (receptionist)"
        StatusLinePainter.paint(signedIn, into: &narrow, row: 0)
        #expect(narrow.line(0).hasSuffix("· sched here · outbox · :8080 · Mon 02 Mar 07:00 "))
        #expect(narrow.line(0).contains("Ana M"))  // the screen's title comes first
    }

    @Test("at 80 columns the screen's title stays whole; the time always shows")
    func titleFirst() {
        var b = CellBuffer(width: 80, height: 1)
        let info = StatusInfo(
            clinicName: "Test Clinic", screenTitle: "Today's board", user: "Receptionist 36 (receptionist)",
            localTime: "Mon 2 Mar 2026 07:00", services: "scheduler off · sms outbox", servicesShort: "sched off · outbox")
        StatusLinePainter.paint(info, into: &b, row: 0)
        #expect(b.line(0).hasPrefix(" Test Clinic · Today's board "))
        #expect(b.line(0).hasSuffix("· sched off · outbox · Mon 2 Mar 2026 07:00 ") && b.line(0).contains("Rece"))
        var long = info
        long.screenTitle = "Book with Dr Anastasia Papadopoulou-Lindqvist · patient"
        StatusLinePainter.paint(long, into: &b, row: 0)
        #expect(b.line(0).hasSuffix("Mon 2 Mar 2026 07:00 ") && b.line(0).contains("Book with Dr Anastasia"))
        var tiny = CellBuffer(width: 30, height: 1)
        StatusLinePainter.paint(info, into: &tiny, row: 0)
        #expect(tiny.line(0).hasSuffix("Mon 2 Mar 2026 07:00 "))
    }

    @Test("the probe reads here from the in-process scheduler, elsewhere and off from the lease row")
    func probe() throws {
        let clinic = try TestClinic()
        let now = Int64(clinic.clock.now().timeIntervalSince1970)
        var leading: Bool? = nil
        let probe = ServicesProbe(store: clinic.store, gateway: "outbox", leading: { leading })
        #expect(probe.state().scheduler == .off)
        #expect(try clinic.store.acquireSchedulerLease(holder: "other-host:42:1", now: now, seconds: 30))
        #expect(probe.state().scheduler == .runningElsewhere)
        leading = false
        #expect(probe.state() == ServicesState(scheduler: .runningElsewhere, gateway: "outbox"))
        clinic.clock.set(clinic.clock.now().addingTimeInterval(31))
        #expect(probe.state().scheduler == .off, "an expired lease is nobody's")
        leading = true
        #expect(probe.state().scheduler == .runningHere)
    }

    @Test("the staff frame shows the services; the kiosk's does not")
    func inTheFrame() throws {
        let staff = try TUIHarness(.staff)
        staff.width = 120
        staff.context.servicesState = ServicesState(scheduler: .runningElsewhere, gateway: "twilio")
        #expect(staff.frame.line(0).contains("scheduler running elsewhere · sms twilio"))
        let kiosk = try TUIHarness(.kiosk)
        kiosk.context.servicesState = ServicesState(scheduler: .runningHere, gateway: "outbox")
        #expect(!kiosk.frame.line(0).contains("scheduler"))
    }
}
