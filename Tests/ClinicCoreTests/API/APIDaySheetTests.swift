import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// `GET /api/v1/day-sheet` over a real socket: each format with its content
/// type and the same text the CLI writes, the desk every doctor, a doctor
/// their own day only, a patient none, and bad input refused.
@Suite struct APIDaySheetTests {
    @Test func eachFormatComesWithItsContentTypeAndTheRulesHold() async throws {
        // Given a clinic on Monday 2 March 2026 with two doctors and a visit on Tuesday
        let h = try WebhookHarness()
        try await h.start()
        let api = APIClient(port: h.port)
        let ana = try h.clinic.addDoctor(name: "Dr 김민준", specialization: "Cardiology")
        let ben = try h.clinic.addDoctor(name: "Dr Ben", hours: "sat 09:00-12:00", specialization: "Dermatology")
        let patient = try h.clinic.addPatient(name: "प्रिया शर्मा")
        let desk = try h.clinic.addStaff(.receptionist)
        let visit = try h.clinic.book(doctor: ana, patient: patient, at: try h.clinic.local("2026-03-03", "09:00"), reason: "Pain, sharp")
        let deskToken = try #require(await api.signIn("staff", desk.email!, "staff-password"))
        let doctorToken = try #require(await api.signIn("doctor", ana.email!, "doctor-password"))
        let patientToken = try #require(await api.signIn("patient", patient.email!, "patient-password"))
        let sheet = try h.clinic.store.daySheet(on: LocalDate("2026-03-03")!, by: .shell)

        // When the desk asks for each format, then each has its type and the renderer's text
        let json = await api.call("GET", "/api/v1/day-sheet?date=2026-03-03", token: deskToken)
        #expect(json.status == 200 && json.headers["content-type"] == "application/json; charset=utf-8")
        let doctors = try #require(json.object["doctors"] as? [[String: Any]])
        #expect(doctors.map { $0["id"] as? String } == [String(ana.id), String(ben.id)])
        #expect(doctors.map { $0["working"] as? Bool } == [true, false])
        let visits = try #require(doctors[0]["appointments"] as? [[String: Any]])
        #expect(visits.map { $0["code"] as? String } == [visit.code])
        #expect((visits[0]["patient"] as? [String: Any])?["phone"] as? String == patient.phone)
        #expect(visits[0]["start"] as? String == "2026-03-03T09:00:00-05:00" && visits[0]["time"] as? String == "09:00")
        let text = await api.call("GET", "/api/v1/day-sheet?date=2026-03-03&format=text", token: deskToken)
        #expect(text.status == 200 && text.headers["content-type"] == "text/plain; charset=utf-8")
        #expect(text.body == DaySheetText.render(sheet))
        let csv = await api.call("GET", "/api/v1/day-sheet?date=2026-03-03&format=csv", token: deskToken)
        #expect(csv.headers["content-type"] == "text/csv; charset=utf-8" && csv.body == DaySheetCSV.render(sheet))
        let ics = await api.call("GET", "/api/v1/day-sheet?date=2026-03-03&format=ics&doctorId=\(ana.id)", token: deskToken)
        #expect(ics.headers["content-type"] == "text/calendar; charset=utf-8")
        #expect(ics.body.hasPrefix("BEGIN:VCALENDAR\r\n") && ics.body.contains("UID:\(visit.code)@clinic-appointment\r\n"))

        // A doctor: their own day, not another's nor the whole clinic's; a patient: none
        let own = await api.call("GET", "/api/v1/day-sheet?date=2026-03-03&doctorId=\(ana.id)", token: doctorToken)
        #expect(own.status == 200 && (own.object["doctors"] as? [[String: Any]])?.count == 1)
        let other = await api.call("GET", "/api/v1/day-sheet?date=2026-03-03&doctorId=\(ben.id)", token: doctorToken)
        #expect(other.status == 403 && other.errorCode == "forbidden")
        #expect(await api.call("GET", "/api/v1/day-sheet?date=2026-03-03", token: doctorToken).status == 403)
        #expect(await api.call("GET", "/api/v1/day-sheet?date=2026-03-03&doctorId=\(ana.id)", token: patientToken).status == 403)

        // Bad input: no date, a bad date, a bad format; an unknown doctor; no token
        #expect(await api.call("GET", "/api/v1/day-sheet", token: deskToken).errorCode == "invalid_input")
        #expect(await api.call("GET", "/api/v1/day-sheet?date=2026-02-30", token: deskToken).status == 400)
        #expect(await api.call("GET", "/api/v1/day-sheet?date=2026-03-03&format=pdf", token: deskToken).status == 400)
        let missing = await api.call("GET", "/api/v1/day-sheet?date=2026-03-03&doctorId=\(patient.id)", token: deskToken)
        #expect(missing.status == 404 && missing.errorCode == "not_found")
        #expect(await api.call("GET", "/api/v1/day-sheet?date=2026-03-03").status == 401)
        await h.stop()
    }
}
