import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// Two `TAKE`s for one slot within a millisecond, each to its own `clinic
/// serve` process on the same SQLite file (the patient's reply delivered
/// twice, as a phone or Twilio may), while a third process, `clinic book`,
/// books a walk-in into that same slot: exactly one of the three gets it, the
/// patient is told once that it is theirs, and nothing is booked twice.
@Suite(.serialized) struct ServeWaitlistRaceTests {
    static let publicURL = "https://clinic.example.org"

    @Test func twoTakesAndADeskBookingForOneSlotAcrossProcessesBookExactlyOnce() async throws {
        let f = try ServeFixture(appointments: 18)  // Tue 3 Mar 09:00–11:50, now 08:59
        var ports: [Int] = []
        var serves: [RunningProcess] = []
        var env = f.environment()
        env["CLINIC_PUBLIC_URL"] = Self.publicURL
        for _ in 0..<2 {
            let port = HTTPProbe.freePort()
            env["CLINIC_LISTEN"] = "127.0.0.1:\(port)"
            serves.append(try ClinicBinary.start(["serve"], environment: env))
            #expect(try await HTTPProbe.waitUntilHealthy(port: port))
            ports.append(port)
        }
        let key = try f.store.webhookSigningKey(authToken: "serve-token")
        let desk = try f.store.createAccount(
            NewAccount(role: .receptionist, name: "Desk", email: "desk@clinic.test", phone: "+15550300001", password: "desk-password"), by: .shell)
        let deskActor = Actor.account(desk.id, .receptionist, via: .tui)
        let visits = try f.store.appointments(AppointmentFilter(doctorID: f.doctorID))
        let zone = ClinicTimeZone(identifier: "America/New_York")!
        var outcomes: [String] = []

        for round in 0..<4 {
            // Given a patient waiting, offered the slot a cancellation freed, and a walk-in the desk books there
            let patient = try f.store.createAccount(
                NewAccount(role: .patient, name: "Zoë 👩‍⚕️ \(round)", email: "race\(round)@clinic.test", phone: "+1555011\(round)000"), by: .shell)
            let walkIn = try f.store.createAccount(
                NewAccount(role: .patient, name: "김민준 \(round)", email: "walkin\(round)@clinic.test", phone: "+1555012\(round)000"), by: .shell)
            _ = try f.store.joinWaitlist(
                WaitlistRequest(patientID: patient.id, target: .doctor(f.doctorID), from: LocalDate("2026-03-03")!, to: LocalDate("2026-03-03")!),
                by: .shell)
            let visit = visits[10 + round]  // 10:40 on: over an hour ahead
            _ = try f.store.transition(code: visit.code, to: .cancelled, by: deskActor)
            let offer = try #require(try f.store.waitlist(patientID: patient.id, by: .shell).first?.openOffer)
            #expect(offer.start == visit.start)

            // When the desk's booking process starts and the patient's TAKE arrives twice, at two processes, at once
            let book = try ClinicBinary.start(
                ["book", "--doctor", String(f.doctorID), "--patient", walkIn.email!, "--start", zone.iso8601(visit.start), "--reason", "Walk-in"],
                environment: env)
            let requests = (0..<2).map { i in
                WebhookHarness.signedRequest(
                    parameters: WebhookHarness.smsParameters(from: patient.phone!, body: "TAKE \(offer.code)", sid: "SMrace\(round)\(i)"),
                    key: key, publicURL: Self.publicURL)
            }
            async let first = HTTPProbe.send(port: ports[0], requests[0])
            async let second = HTTPProbe.send(port: ports[1], requests[1])
            let answers = await [first, second]
            let replies = answers.map { TwiML.message(in: $0.body) ?? "\($0.status) \($0.body)" }
            let booked = book.wait()

            // Then exactly one visit holds the slot; the patient heard "it is yours" once at most, and only if it is theirs
            let holders = try f.store.appointments(AppointmentFilter(doctorID: f.doctorID, from: visit.start, to: visit.end))
                .filter { $0.status.isActive }
            #expect(holders.count == 1, "round \(round): \(replies) \(booked.stderr)")
            let won = replies.filter { $0.contains("it is yours") }.count
            if holders.first?.patient.id == patient.id {
                #expect(won == 1 && booked.exitCode == 1 && booked.stderr.contains("slot_taken"), "\(replies) \(booked.stderr)")
                #expect(replies.contains { $0.contains("you already took offer") }, "\(replies)")
                outcomes.append("take")
            } else {
                #expect(won == 0 && booked.exitCode == 0 && holders.first?.patient.id == walkIn.id, "\(replies) \(booked.stderr)")
                let left = try #require(try f.store.waitlist(patientID: patient.id, by: .shell).first)
                #expect(left.state == .waiting && left.openOffer == nil)
                try f.store.removeFromWaitlist(id: left.id, by: deskActor)  // out of the next rounds' line
                outcomes.append("desk")
            }
            #expect(try f.store.appointments(AppointmentFilter(patientID: patient.id)).filter { $0.status.isActive }.count <= 1)
        }
        for serve in serves { signalProcess(serve, SIGTERM) }
        for serve in serves {
            let done = serve.wait()
            #expect(done.exitCode == 0)
            #expect(!done.stderr.contains("sms not handled"), "\(done.stderr.split(separator: "\n").filter { $0.contains("not handled") })")
        }
        #expect(outcomes.count == 4)
    }
}
