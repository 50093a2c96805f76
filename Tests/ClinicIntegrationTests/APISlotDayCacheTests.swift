import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// The slots routes answer from `SlotDayCache` while the database is
/// unchanged, and every change to a day shows in the very next answer:
/// bookings and cancellations by another process on the same file (the
/// `clinic` binary), by this process's API, and by this process's store;
/// and each viewer still sees only the codes the policy lets them see.
@Suite struct APISlotDayCacheTests {
    struct Setup {
        let h: WebhookHarness
        let api: APIClient
        let doctor: Account, patient: Account, other: Account
        let deskToken: String, patientToken: String
        /// The `clinic` binary's environment: the same file, the same clock.
        let cli: [String: String]

        init() async throws {
            h = try WebhookHarness()
            try await h.start()
            api = APIClient(port: h.port)
            doctor = try h.clinic.addDoctor()
            patient = try h.clinic.addPatient()
            other = try h.clinic.addPatient()
            let desk = try h.clinic.addStaff(.receptionist)
            deskToken = try #require(await api.signIn("staff", desk.email!, "staff-password"))
            patientToken = try #require(await api.signIn("patient", patient.email!, "patient-password"))
            cli = h.clinic.database.environment.merging([
                "CLINIC_TIMEZONE": "America/New_York",
                "CLINIC_NOW": "2026-03-02T12:00:00Z", "CLINIC_PASSWORD_ITERATIONS": "1000",
                "HOME": h.clinic.directory.url.path,
            ]) { a, _ in a }
        }

        /// The 3 March slot starting at `time` (New York), as `token`'s holder sees it.
        func slot(_ time: String, token: String? = nil) async throws -> [String: Any] {
            let reply = await api.call("GET", "/api/v1/appointments/slots/\(doctor.id)?date=2026-03-03", token: token ?? deskToken)
            #expect(reply.status == 200)
            return try #require(reply.array.first { ($0["start"] as? String) == "2026-03-03T\(time):00-05:00" })
        }

        func clinic(_ arguments: String...) throws -> String {
            let result = try ClinicBinary.run(arguments, environment: cli)
            #expect(result.exitCode == 0, "\(arguments): \(result.stderr)")
            return result.stdout
        }
    }

    @Test func aBookingAndACancellationByAnotherProcessShowInTheNextAnswer() async throws {
        let s = try await Setup()
        #expect(try await s.slot("09:00")["available"] as? Bool == true)
        #expect(try await s.slot("09:00")["available"] as? Bool == true)  // answered from the cache

        let booked = try s.clinic(
            "book", "--doctor", s.doctor.email!, "--patient", s.patient.email!, "--start", "2026-03-03 09:00", "--reason", "Other process",
            "--json")
        let answer = try JSONSerialization.jsonObject(with: Data(booked.utf8)) as? [String: Any]
        let code = try #require((answer?["appointment"] as? [String: Any])?["code"] as? String, "\(booked)")
        let taken = try await s.slot("09:00")
        #expect(taken["available"] as? Bool == false)
        #expect(taken["appointmentId"] as? String == code)

        _ = try s.clinic("cancel", code)
        let freed = try await s.slot("09:00")
        #expect(freed["available"] as? Bool == true)
        #expect(freed["appointmentId"] is NSNull)
    }

    @Test func aBookingAndACancellationByThisProcessShowInTheNextAnswer() async throws {
        let s = try await Setup()
        #expect(try await s.slot("09:30")["available"] as? Bool == true)

        // Through the API.
        let booked = await s.api.call(
            "POST", "/api/v1/appointments", token: s.deskToken,
            json: ["doctorId": String(s.doctor.id), "patientId": String(s.patient.id), "start": "2026-03-03T09:30:00-05:00", "reason": "Check-up"])
        #expect(booked.status == 201)
        let code = try #require(booked.object["id"] as? String)
        #expect(try await s.slot("09:30")["appointmentId"] as? String == code)
        #expect(await s.api.call("PATCH", "/api/v1/appointments/\(code)/cancel", token: s.deskToken).status == 200)
        #expect(try await s.slot("09:30")["available"] as? Bool == true)

        // Through the store, beside the API.
        let visit = try s.h.clinic.book(doctor: s.doctor, patient: s.other, at: try s.h.clinic.local("2026-03-03", "09:30"))
        #expect(try await s.slot("09:30")["appointmentId"] as? String == visit.code)
        _ = try s.h.clinic.store.transition(code: visit.code, to: .cancelled, by: .shell)
        #expect(try await s.slot("09:30")["available"] as? Bool == true)
    }

    @Test func eachViewerSeesOnlyTheCodesThePolicyLetsThemSeeOfACachedDay() async throws {
        let s = try await Setup()
        let own = try s.h.clinic.book(doctor: s.doctor, patient: s.patient, at: try s.h.clinic.local("2026-03-03", "10:00"))
        let others = try s.h.clinic.book(doctor: s.doctor, patient: s.other, at: try s.h.clinic.local("2026-03-03", "10:30"))
        // The desk reads the day first (and it is kept); the patient's answers come from the same day.
        #expect(try await s.slot("10:30")["appointmentId"] as? String == others.code)
        #expect(try await s.slot("10:00", token: s.patientToken)["appointmentId"] as? String == own.code)
        let theirs = try await s.slot("10:30", token: s.patientToken)
        #expect(theirs["available"] as? Bool == false)
        #expect(theirs["appointmentId"] is NSNull)
    }
}
