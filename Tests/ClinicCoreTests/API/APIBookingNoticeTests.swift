import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// The booking notice through the HTTP API: bookings that arrive together
/// share one transaction (`WriteBatcher`), and each that is booked has its
/// notice in the outbox while a refused one leaves none; a move sends the new time.
@Suite struct APIBookingNoticeTests {
    @Test func batchedBookingsEachGetOneNoticeAndARefusedOneNone() async throws {
        // Given four patients signed in to the API
        let h = try WebhookHarness()
        try await h.start()
        let api = APIClient(port: h.port)
        let doctor = try h.clinic.addDoctor(name: "Dr Ana Moreau")
        var tokens: [String] = []
        var phones: [String] = []
        for _ in 0..<4 {
            let p = try h.clinic.addPatient()
            tokens.append(try #require(await api.signIn("patient", p.email!, "patient-password")))
            phones.append(p.phone!)
        }

        // When they book at once: three different slots, and the fourth races the first for its slot
        let starts = ["2026-03-03T09:00:00-05:00", "2026-03-03T09:30:00-05:00", "2026-03-03T10:00:00-05:00", "2026-03-03T09:00:00-05:00"]
        let signedIn = tokens, doctorID = doctor.id
        let replies = await withTaskGroup(of: (Int, APIReply).self) { group in
            for (i, start) in starts.enumerated() {
                group.addTask {
                    let body: [String: any Sendable] = ["doctorId": String(doctorID), "start": start, "reason": "Check-up"]
                    return (i, await api.call("POST", "/api/v1/appointments", token: signedIn[i], json: body))
                }
            }
            var all: [(Int, APIReply)] = []
            for await r in group { all.append(r) }
            return all.sorted { $0.0 < $1.0 }.map(\.1)
        }

        // Then three were booked and one lost the race
        let booked = replies.filter { $0.status == 201 }
        #expect(booked.count == 3)
        #expect(replies.filter { $0.errorCode == "slot_taken" }.count == 1)
        // And each booking has exactly one booking notice, to its own patient, naming its code; the loser none
        let notices = try h.clinic.store.smsLog().filter { $0.kind == .booking }
        #expect(notices.count == 3)
        let codes = Set(booked.compactMap { $0.object["id"] as? String })
        #expect(Set(notices.compactMap(\.appointmentCode)) == codes)
        for n in notices {
            let code = try #require(n.appointmentCode)
            #expect(n.state == .queued && n.recipient == .patient)
            #expect(n.body.contains("you are booked with Dr Ana Moreau") && n.body.contains("Reply CONFIRM \(code) or CANCEL \(code)."))
            let a = try h.clinic.store.appointment(code: code)
            #expect(n.to == a.patient.phone)
        }
        #expect(Set(notices.map(\.to)).count == 3 && Set(notices.map(\.to)).isSubset(of: Set(phones)))

        // When the first patient who booked moves their visit
        let mine = try #require(replies.enumerated().first { $0.element.status == 201 })
        let code = try #require(mine.element.object["id"] as? String)
        let moved = await api.call(
            "PATCH", "/api/v1/appointments/\(code)/move", token: tokens[mine.offset], json: ["start": "2026-03-03T11:00:00-05:00"])

        // Then the move is answered and its notice names the new time
        #expect(moved.status == 200)
        let notice = try #require(try h.clinic.store.smsLog(SMSLogFilter(appointmentCode: code)).first)
        #expect(notice.kind == .moved && notice.body.contains("moved to Tue 3 Mar 2026 at 11:00"))
        await h.stop()
    }
}
