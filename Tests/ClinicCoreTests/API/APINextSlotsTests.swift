import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// `GET /api/v1/slots/next` over a real socket: the earliest free slots
/// across doctors for anyone signed in, as the store finds them, with the
/// contract's refusals.
@Suite struct APINextSlotsTests {
    @Test func earliestFreeSlotsForSignedInUsers() async throws {
        // Given two general practitioners (Monday 2 March 2026, 07:00 in New York), a cardiologist, and a patient
        let h = try WebhookHarness()
        try await h.start()
        let api = APIClient(port: h.port)
        let ana = try h.clinic.addDoctor(name: "Dr Ana", hours: "mon-fri 09:00-10:00")
        let ben = try h.clinic.addDoctor(name: "Dr Ben 김", hours: "mon-fri 09:00-10:00")
        try h.clinic.addDoctor(name: "Dr Cora", hours: "mon-fri 08:00-09:00", specialization: "Кардиология")
        let patient = try h.clinic.addPatient()
        try h.clinic.book(doctor: ana, patient: try h.clinic.addPatient(), at: try h.clinic.local("2026-03-03", "09:00"))
        let token = try #require(await api.signIn("patient", patient.email!, "patient-password"))

        // When the patient asks for three General practice slots from Tuesday
        let reply = await api.call("GET", "/api/v1/slots/next?specialization=General%20practice&from=2026-03-03&limit=3", token: token)
        // Then Ben has 09:00 (Ana's is booked), and both have 09:30, Ana first by name
        #expect(reply.status == 200, "\(reply.body)")
        #expect(
            reply.array.map { "\($0["doctorName"] ?? "") \($0["start"] ?? "")" } == [
                "Dr Ben 김 2026-03-03T09:00:00-05:00", "Dr Ana 2026-03-03T09:30:00-05:00", "Dr Ben 김 2026-03-03T09:30:00-05:00",
            ])
        let first = try #require(reply.array.first)
        #expect(Set(first.keys) == ["doctorId", "doctorName", "specialization", "start", "end"])
        #expect(first["doctorId"] as? String == String(ben.id) && first["specialization"] as? String == "General practice")
        #expect(first["end"] as? String == "2026-03-03T09:30:00-05:00")

        // One doctor, a UTF-8 specialization in any case, any doctor from today
        let one = await api.call("GET", "/api/v1/slots/next?doctorId=\(ana.id)&from=2026-03-03&limit=1", token: token)
        #expect(one.array.map { $0["start"] as? String } == ["2026-03-03T09:30:00-05:00"])
        let cyrillic = await api.call(
            "GET", "/api/v1/slots/next?specialization=%D0%BA%D0%B0%D1%80%D0%B4%D0%B8%D0%BE%D0%BB%D0%BE%D0%B3%D0%B8%D1%8F", token: token)
        #expect(cyrillic.array.map { $0["doctorName"] as? String } == Array(repeating: "Dr Cora", count: 5), "\(cyrillic.body)")
        let any = await api.call("GET", "/api/v1/slots/next?limit=1", token: token)
        #expect(any.array.map { $0["start"] as? String } == ["2026-03-02T08:00:00-05:00"])

        // Refusals: not signed in, bad input, unknown specialization or doctor
        #expect(await api.call("GET", "/api/v1/slots/next").status == 401)
        for query in ["limit=0", "limit=101", "from=tomorrow", "doctorId=abc", "doctorId=\(ana.id)&specialization=General%20practice"] {
            let bad = await api.call("GET", "/api/v1/slots/next?\(query)", token: token)
            #expect(bad.status == 400 && bad.errorCode == "invalid_input", "\(query): \(bad.body)")
        }
        let unknown = await api.call("GET", "/api/v1/slots/next?specialization=Astrology", token: token)
        #expect(unknown.status == 404 && unknown.errorCode == "not_found")
        #expect(unknown.errorMessage == "no active doctor has the specialization 'Astrology'; known: General practice, Кардиология")
        #expect(await api.call("GET", "/api/v1/slots/next?doctorId=\(patient.id)", token: token).status == 404)
    }
}
