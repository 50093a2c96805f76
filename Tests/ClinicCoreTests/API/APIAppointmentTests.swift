import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// Booking and the status machine through HTTP: the same outcomes the store
/// gives the CLI and the screens, each refusal with its contract code and
/// status; a patient learns nothing about appointments that are not theirs.
@Suite struct APIAppointmentTests {
    /// A clinic on Monday 2 March 2026, 12:00 UTC, a doctor working weekdays, two patients, the desk.
    struct Setup {
        let h: WebhookHarness
        let api: APIClient
        let doctor: Account, patient: Account, other: Account, desk: Account
        let patientToken: String, otherToken: String, doctorToken: String, deskToken: String

        init() async throws {
            h = try WebhookHarness()
            try await h.start()
            api = APIClient(port: h.port)
            doctor = try h.clinic.addDoctor(name: "Dr 김민준")
            patient = try h.clinic.addPatient(name: "Pia Ng")
            other = try h.clinic.addPatient(name: "سارا")
            desk = try h.clinic.addStaff(.receptionist)
            patientToken = try #require(await api.signIn("patient", patient.email!, "patient-password"))
            otherToken = try #require(await api.signIn("patient", other.email!, "patient-password"))
            doctorToken = try #require(await api.signIn("doctor", doctor.email!, "doctor-password"))
            deskToken = try #require(await api.signIn("staff", desk.email!, "staff-password"))
        }

        func book(_ token: String, start: String, patientID: Int64? = nil) async -> APIReply {
            var body: [String: any Sendable] = ["doctorId": String(doctor.id), "start": start, "reason": "Check-up"]
            if let patientID { body["patientId"] = String(patientID) }
            return await api.call("POST", "/api/v1/appointments", token: token, json: body)
        }
    }

    @Test func aPatientBooksReadsListsAndCancelsTheirOwn() async throws {
        let s = try await Setup()
        let booked = await s.book(s.patientToken, start: "2026-03-03T09:00:00-05:00")
        #expect(booked.status == 201)
        let id = try #require(booked.object["id"] as? String)
        #expect(booked.object["status"] as? String == "scheduled")
        #expect(booked.object["start"] as? String == "2026-03-03T09:00:00-05:00")
        #expect(booked.object["end"] as? String == "2026-03-03T09:30:00-05:00")
        #expect(booked.object["doctorName"] as? String == "Dr 김민준")
        #expect(booked.object["patientId"] as? String == String(s.patient.id))
        #expect(booked.object["createdBy"] as? String == String(s.patient.id))
        // The store has exactly what the answer says.
        let stored = try s.h.clinic.store.appointment(code: id)
        #expect(stored.patient.id == s.patient.id && stored.start == utc("2026-03-03T14:00:00Z"))

        #expect(await s.api.call("GET", "/api/v1/appointments/\(id)", token: s.patientToken).object["code"] as? String == stored.code)
        let mine = await s.api.call("GET", "/api/v1/appointments?month=2026-03", token: s.patientToken)
        #expect(mine.array.map { $0["id"] as? String } == [id])
        #expect(await s.api.call("GET", "/api/v1/appointments?month=2026-04", token: s.patientToken).array.isEmpty)
        #expect(await s.api.call("GET", "/api/v1/appointments", token: s.otherToken).array.isEmpty)

        let confirmed = await s.api.call("PATCH", "/api/v1/appointments/\(id)/confirm", token: s.patientToken)
        #expect(confirmed.object["status"] as? String == "confirmed")
        let cancelled = await s.api.call("PATCH", "/api/v1/appointments/\(id)/cancel", token: s.patientToken, json: ["note": "travelling"])
        #expect(cancelled.status == 200)
        #expect(cancelled.object["status"] as? String == "cancelled")
        #expect(try s.h.clinic.store.events(code: id).map(\.via) == [.api, .api, .api])
        let again = await s.api.call("PATCH", "/api/v1/appointments/\(id)/cancel", token: s.patientToken)
        #expect(again.status == 409)
        #expect(again.errorCode == "invalid_transition")
        await s.h.stop()
    }

    @Test func anotherPatientsAppointmentAndAMissingOneReadTheSame() async throws {
        let s = try await Setup()
        let id = try #require(await s.book(s.patientToken, start: "2026-03-03T09:00:00-05:00").object["id"] as? String)
        let theirs = await s.api.call("GET", "/api/v1/appointments/\(id)", token: s.otherToken)
        let missing = await s.api.call("GET", "/api/v1/appointments/ZZZZZZ", token: s.otherToken)
        #expect(theirs.status == 403)
        #expect(theirs.errorCode == "forbidden")
        #expect(!theirs.body.contains("scheduled") && !theirs.body.contains(id))
        #expect(missing.status == 403)
        #expect(missing.body == theirs.body)
        let cancel = await s.api.call("PATCH", "/api/v1/appointments/\(id)/cancel", token: s.otherToken)
        #expect(cancel.status == 403)
        #expect(cancel.body == theirs.body)
        #expect(try s.h.clinic.store.appointment(code: id).status == .scheduled)
        // Staff see that it does not exist.
        #expect(await s.api.call("GET", "/api/v1/appointments/ZZZZZZ", token: s.deskToken).status == 404)
        #expect(await s.api.call("GET", "/api/v1/appointments/\(id)", token: s.deskToken).status == 200)
        await s.h.stop()
    }

    @Test func bookingRefusalsCarryTheContractsCodes() async throws {
        let s = try await Setup()
        #expect(await s.book(s.patientToken, start: "2026-03-03T09:00:00-05:00").status == 201)
        let cases: [(String, String, Int, String)] = [
            (s.otherToken, "2026-03-03T09:00:00-05:00", 409, "slot_taken"),
            (s.otherToken, "2026-03-03T09:10:00-05:00", 400, "not_aligned"),
            (s.otherToken, "2026-03-03T07:00:00-05:00", 400, "outside_schedule"),
            (s.otherToken, "2026-02-27T09:00:00-05:00", 400, "in_past"),
            (s.otherToken, "next tuesday", 400, "invalid_input"),
        ]
        for (token, start, status, code) in cases {
            let r = await s.book(token, start: start)
            #expect(r.status == status, "\(start)")
            #expect(r.errorCode == code, "\(start)")
        }
        // The same patient with another doctor at the same time.
        let second = try s.h.clinic.addDoctor()
        let busy = await s.api.call(
            "POST", "/api/v1/appointments", token: s.patientToken,
            json: ["doctorId": String(second.id), "start": "2026-03-03T09:00:00-05:00", "reason": "Second opinion"])
        #expect(busy.status == 409)
        #expect(busy.errorCode == "patient_busy")
        // A patient books only for themselves; staff must say for whom.
        let forOther = await s.book(s.patientToken, start: "2026-03-03T10:00:00-05:00", patientID: s.other.id)
        #expect(forOther.status == 403)
        #expect(await s.book(s.deskToken, start: "2026-03-03T10:00:00-05:00").status == 400)
        #expect(await s.book(s.deskToken, start: "2026-03-03T10:00:00-05:00", patientID: s.other.id).status == 201)
        #expect(await s.book("", start: "2026-03-03T10:30:00-05:00").status == 401)
        #expect(try s.h.clinic.store.appointments(AppointmentFilter()).count == 2)
        await s.h.stop()
    }

    @Test func theDeskChecksInTheDoctorCompletesAndMovesFollowThePolicy() async throws {
        let s = try await Setup()
        let id = try #require(await s.book(s.patientToken, start: "2026-03-03T09:00:00-05:00").object["id"] as? String)
        let moved = await s.api.call("PATCH", "/api/v1/appointments/\(id)/move", token: s.patientToken, json: ["start": "2026-03-03T10:00:00-05:00"])
        #expect(moved.status == 200)
        #expect(moved.object["start"] as? String == "2026-03-03T10:00:00-05:00")
        // The next morning (access tokens last 15 minutes: everyone signs in again).
        s.h.clinic.setNow("2026-03-03T14:55:00Z")
        let patientToken = try #require(await s.api.signIn("patient", s.patient.email!, "patient-password"))
        let deskToken = try #require(await s.api.signIn("staff", s.desk.email!, "staff-password"))
        let doctorToken = try #require(await s.api.signIn("doctor", s.doctor.email!, "doctor-password"))
        #expect(await s.api.call("GET", "/api/v1/users/me", token: s.patientToken).status == 401)
        let byPatient = await s.api.call("PATCH", "/api/v1/appointments/\(id)/check-in", token: patientToken)
        #expect(byPatient.status == 403)
        let checkedIn = await s.api.call("PATCH", "/api/v1/appointments/\(id)/check-in", token: deskToken)
        #expect(checkedIn.object["status"] as? String == "checked_in")
        let otherDoctor = try s.h.clinic.addDoctor()
        let otherDoctorToken = try #require(await s.api.signIn("doctor", otherDoctor.email!, "doctor-password"))
        #expect(await s.api.call("PATCH", "/api/v1/appointments/\(id)/complete", token: otherDoctorToken).status == 403)
        s.h.clinic.setNow("2026-03-03T15:05:00Z")
        let done = await s.api.call("PATCH", "/api/v1/appointments/\(id)/complete", token: doctorToken)
        #expect(done.object["status"] as? String == "completed")
        #expect(try s.h.clinic.store.appointment(code: id).status == .completed)
        await s.h.stop()
    }

    @Test func aMoveToAnotherDoctorIsOneStepAndFollowsThePolicy() async throws {
        let s = try await Setup()
        let id = try #require(await s.book(s.patientToken, start: "2026-03-03T09:00:00-05:00").object["id"] as? String)
        let second = try s.h.clinic.addDoctor(name: "Dr Ben Okafor")
        let moved = await s.api.call(
            "PATCH", "/api/v1/appointments/\(id)/move", token: s.patientToken, json: ["start": "2026-03-04T10:00:00-05:00", "doctorId": String(second.id)])
        #expect(moved.status == 200, "\(moved.body)")
        #expect(moved.object["doctorId"] as? String == String(second.id) && moved.object["start"] as? String == "2026-03-04T10:00:00-05:00")
        // The first doctor may not move it into another doctor's schedule; the visit stays
        let byDoctor = await s.api.call(
            "PATCH", "/api/v1/appointments/\(id)/move", token: s.doctorToken, json: ["start": "2026-03-04T11:00:00-05:00", "doctorId": String(s.doctor.id)])
        #expect(byDoctor.status == 403)
        #expect(try s.h.clinic.store.appointment(code: id).doctor.id == second.id)
        await s.h.stop()
    }

    @Test func aLateArrivalAfterANoShowIsCheckedInWithANote() async throws {
        let s = try await Setup()
        let id = try #require(await s.book(s.patientToken, start: "2026-03-03T09:00:00-05:00").object["id"] as? String)
        s.h.clinic.setNow("2026-03-03T14:16:00Z")
        _ = try s.h.clinic.store.transition(code: id, to: .noShow, by: .scheduler, note: "no-show after grace")
        s.h.clinic.setNow("2026-03-03T14:20:00Z")
        let deskToken = try #require(await s.api.signIn("staff", s.desk.email!, "staff-password"))
        let bare = await s.api.call("PATCH", "/api/v1/appointments/\(id)/check-in", token: deskToken)
        #expect(bare.status == 400 && bare.errorCode == "invalid_input")
        let late = await s.api.call("PATCH", "/api/v1/appointments/\(id)/check-in", token: deskToken, json: ["note": "arrived late"])
        #expect(late.status == 200 && late.object["status"] as? String == "checked_in", "\(late.body)")
        #expect(try s.h.clinic.store.events(code: id).last?.note == "arrived late")
        await s.h.stop()
    }

    @Test func slotsDoctorsStatsTimeAndTheProfile() async throws {
        let s = try await Setup()
        let id = try #require(await s.book(s.patientToken, start: "2026-03-03T09:00:00-05:00").object["id"] as? String)
        let mySlots = await s.api.call("GET", "/api/v1/appointments/slots/\(s.doctor.id)?date=2026-03-03", token: s.patientToken)
        #expect(mySlots.status == 200)
        #expect(mySlots.array.count == 12)
        #expect(mySlots.array.first?["available"] as? Bool == false)
        #expect(mySlots.array.first?["appointmentId"] as? String == id)
        let theirView = await s.api.call("GET", "/api/v1/doctors/\(s.doctor.id)/slots?date=2026-03-03", token: s.otherToken)
        #expect(theirView.array.first?["available"] as? Bool == false)
        #expect(theirView.array.first?["appointmentId"] is NSNull, "another patient sees the slot taken, not by whom")
        #expect(await s.api.call("GET", "/api/v1/doctors/\(s.doctor.id)/slots?date=tomorrow", token: s.otherToken).status == 400)

        let doctors = await s.api.call("GET", "/api/v1/users/doctors", token: s.patientToken)
        let profile = try #require(doctors.array.first?["doctorProfile"] as? [String: Any])
        #expect(profile["slotDurationMin"] as? Int == 30)
        #expect((profile["weeklySchedule"] as? [[String: Any]])?.first?["weekday"] as? String == "mon")

        let stats = await s.api.call("GET", "/api/v1/appointments/stats/doctor/\(s.doctor.id)?groupBy=month", token: s.doctorToken)
        #expect(stats.status == 200)
        #expect(stats.object["totalAppointments"] as? Int == 1)
        #expect(await s.api.call("GET", "/api/v1/appointments/stats/doctor/\(s.doctor.id)", token: s.patientToken).status == 403)
        #expect(await s.api.call("GET", "/api/v1/appointments/stats/clinic", token: s.doctorToken).status == 403)
        #expect(await s.api.call("GET", "/api/v1/appointments/stats/clinic", token: s.deskToken).object["totalAppointments"] as? Int == 1)

        let now = await s.api.call("GET", "/api/v1/time/now")
        #expect(now.object["utc"] as? String == "2026-03-02T12:00:00Z")
        #expect(now.object["local"] as? String == "2026-03-02T07:00:00-05:00")
        #expect(now.object["timezone"] as? String == "America/New_York")

        let patched = await s.api.call("PATCH", "/api/v1/users/me", token: s.patientToken, json: ["name": "Pia Ng-Lee", "age": 41])
        #expect(patched.status == 200)
        #expect(patched.object["name"] as? String == "Pia Ng-Lee")
        #expect(patched.object["age"] as? Int == 41)
        #expect(try s.h.clinic.store.account(matching: s.patient.email!).name == "Pia Ng-Lee")
        let taken = await s.api.call("PATCH", "/api/v1/users/me", token: s.patientToken, json: ["phone": s.other.phone])
        #expect(taken.status == 409)

        // Staff change their own name and phone the same way; they have no age or gender.
        let doctorName = await s.api.call("PATCH", "/api/v1/users/me", token: s.doctorToken, json: ["name": "Dr 김민준 MD", "phone": "+15550207777"])
        #expect(doctorName.status == 200, "\(doctorName.body)")
        #expect(doctorName.object["name"] as? String == "Dr 김민준 MD" && doctorName.object["role"] as? String == "doctor")
        #expect(try s.h.clinic.store.account(matching: s.doctor.email!).phone == "+15550207777")
        let deskAge = await s.api.call("PATCH", "/api/v1/users/me", token: s.deskToken, json: ["age": 30])
        #expect(deskAge.status == 400 && deskAge.errorCode == "invalid_input")
        #expect(await s.api.call("PATCH", "/api/v1/users/me", token: s.deskToken, json: ["name": "Front Desk"]).object["name"] as? String == "Front Desk")
        // The desk may change a patient's profile, not a doctor's.
        #expect(throws: ClinicError.self) {
            try s.h.clinic.store.editAccount(s.doctor.id, AccountEdit(name: "Dr X"), by: .account(s.desk.id, .receptionist, via: .api))
        }
        await s.h.stop()
    }

    @Test func theDocumentAndItsPageAreServed() async throws {
        let s = try await Setup()
        let doc = await s.api.call("GET", "/openapi.json")
        #expect(doc.status == 200)
        #expect(doc.object["openapi"] as? String == "3.1.0")
        let paths = try #require(doc.object["paths"] as? [String: Any])
        #expect(paths["/api/v1/appointments/{id}/check-in"] != nil)
        let page = await s.api.call("GET", "/docs")
        #expect(page.status == 200)
        #expect(page.headers["content-type"]?.hasPrefix("text/html") == true)
        #expect(page.body.contains("/openapi.json"))
        await s.h.stop()
    }
}
