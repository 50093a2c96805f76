import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// Two `TAKE`s for one slot within a millisecond, each to its own `clinic
/// serve` process on the same SQLite file (the clinic's offer to the first in
/// line, and the desk's offer of that same slot by hand to another patient):
/// exactly one books it, the other is told it is gone and keeps their place.
@Suite(.serialized) struct ServeWaitlistRaceTests {
    static let publicURL = "https://clinic.example.org"

    @Test func twoTakesForOneSlotAcrossProcessesBookExactlyOnce() async throws {
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

        for round in 0..<4 {
            // Given two patients waiting, the clinic's offer to the first and the desk's offer of the same slot to the second
            let pair = try (0..<2).map { i in
                try f.store.createAccount(
                    NewAccount(
                        role: .patient, name: ["Zoë 👩‍⚕️", "김민준"][i] + " \(round)", email: "race\(round)-\(i)@clinic.test",
                        phone: "+1555011\(round)\(i)00"), by: .shell)
            }
            let entries = try pair.map { p in
                try f.store.joinWaitlist(
                    WaitlistRequest(patientID: p.id, target: .doctor(f.doctorID), from: LocalDate("2026-03-03")!, to: LocalDate("2026-03-03")!),
                    by: .shell)
            }
            let visit = visits[10 + round]  // 10:40 on: over an hour ahead
            _ = try f.store.transition(code: visit.code, to: .cancelled, by: deskActor)
            let auto = try #require(try f.store.waitlist(patientID: pair[0].id, by: .shell).first?.openOffer)
            #expect(auto.start == visit.start)
            let byHand = try f.store.offerWaitlistSlot(entryID: entries[1].id, start: visit.start, by: deskActor)

            // When both reply TAKE at once, each to its own process
            let requests = [(pair[0], auto.code), (pair[1], byHand.code)].enumerated().map { i, pc in
                Self.signedSMS(from: pc.0.phone!, body: "TAKE \(pc.1)", sid: "SMrace\(round)\(i)", key: key)
            }
            async let first = HTTPProbe.send(port: ports[0], requests[0])
            async let second = HTTPProbe.send(port: ports[1], requests[1])
            let replies = await [first, second].map { TwiML.message(in: $0.body) ?? "" }

            // Then exactly one visit holds the slot, for one of them, and the other heard it was taken
            let holders = try f.store.appointments(AppointmentFilter(doctorID: f.doctorID, from: visit.start, to: visit.end))
                .filter { $0.status.isActive }
            #expect(holders.count == 1, "round \(round): \(replies)")
            let winner = try #require(pair.firstIndex { $0.id == holders.first?.patient.id })
            #expect(replies[winner].contains("it is yours"), "\(replies)")
            #expect(replies[1 - winner].contains("has just been taken"), "\(replies)")
            let loser = try #require(try f.store.waitlist(patientID: pair[1 - winner].id, by: .shell).first)
            #expect(loser.state == .waiting && loser.openOffer == nil)
            try f.store.removeFromWaitlist(id: loser.id, by: deskActor)  // out of the next rounds
        }
        for serve in serves { signalProcess(serve, SIGTERM) }
        for serve in serves { #expect(serve.wait().exitCode == 0) }
    }

    /// A signed inbound SMS request, as Twilio posts it.
    static func signedSMS(from: String, body: String, sid: String, key: String) -> [UInt8] {
        let path = "/api/v1/twilio/webhook"
        let params: [(name: String, value: String)] = [
            ("AccountSid", "AC00000000000000000000000000000002"), ("Body", body), ("From", from), ("MessageSid", sid),
            ("To", "+15550009999"),
        ]
        let form = FormEncoding.encode(params.map { ($0.name, $0.value) })
        let signature = TwilioSignature.compute(authToken: key, url: publicURL + path, parameters: params)
        return HTTPProbe.request(
            "POST", path, headers: [("Content-Type", "application/x-www-form-urlencoded"), ("X-Twilio-Signature", signature)],
            body: Array(form.utf8))
    }
}
