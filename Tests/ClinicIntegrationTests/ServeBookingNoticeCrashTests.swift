import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// The booking notice across a SIGKILL of `clinic serve` mid-send and a
/// restart: every booking's notice goes out, each exactly once, but for the
/// one whose gateway call was in flight at the kill, which is sent again and
/// marked (at-least-once; README, Delivery guarantee); a booking made while no
/// scheduler ran is sent once by the next one.
@Suite(.serialized) struct ServeBookingNoticeCrashTests {
    @Test func killMidSendThenRestartSendsEachBookingNoticeOnce() throws {
        // Given five visits booked this afternoon (outside the reminder lead) and a Twilio
        // that accepts two notices, then hangs on the third
        let f = try ServeFixture(appointments: 0)
        let afternoon = TestClinic.seconds("2026-03-03T20:00:00Z")  // Tue 15:00 New York
        func book(_ i: Int) throws -> String {
            try f.store.book(
                BookingRequest(doctorID: f.doctorID, patientID: f.patientID, start: afternoon + Int64(i) * 600, reason: "Visit \(i)"),
                by: .shell
            ).code
        }
        var codes = try (0..<5).map(book)
        f.twilio.enqueue(.created, .created, .hang)

        // When serve has sent two and waits on the third, it is killed
        let first = try f.startServe(lease: 3, timeout: 2)
        #expect(f.twilio.waitForRequests(3, timeout: 60))
        signalProcess(first, SIGKILL)
        #expect(first.wait().exitCode != 0)
        let inFlightBody = try #require(f.twilio.requests.last?.form["Body"])
        f.twilio.releaseHung()

        // And one more visit is booked while no scheduler runs, then a new serve starts
        codes.append(try book(5))
        let second = try f.startServe(lease: 3, timeout: 2)
        let done = try Eventually.wait(timeout: 60) { try f.messages(.booking).filter { $0.state == .sent }.count == 6 }
        signalProcess(second, SIGTERM)
        let stopped = second.wait()

        // Then every booking has one notice row, sent
        #expect(done)
        let notices = try f.messages(.booking)
        #expect(notices.count == 6 && notices.allSatisfy { $0.state == .sent })
        #expect(notices.compactMap(\.appointmentCode).sorted() == codes.sorted())
        // And Twilio saw each booking's notice once, but the one in flight at the kill twice
        let bodies = f.twilio.requests.map { $0.form["Body"] ?? "" }
        #expect(bodies.count == 7)
        for code in codes {
            let times = bodies.filter { $0.contains("Code \(code).") }.count
            #expect(times == (inFlightBody.contains("Code \(code).") ? 2 : 1), "\(code)")
        }
        // And the log shows two attempts and the note on that one only, no reminder yet
        #expect(notices.filter { $0.attempts == 2 }.map(\.body) == [inFlightBody])
        #expect(notices.filter { $0.note != nil }.map(\.body) == [inFlightBody])
        #expect(notices.filter { $0.attempts == 1 }.count == 5)
        #expect(try f.messages(.reminder).isEmpty)
        #expect(stopped.exitCode == 0, "stderr: \(stopped.stderr)")
    }
}
