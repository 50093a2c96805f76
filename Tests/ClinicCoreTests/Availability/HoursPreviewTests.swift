import ClinicCore
import ClinicTesting
import Testing

@Suite struct HoursPreviewTests {
    @Test func previewShowsProposedSlotsAndStrandedBookingsWithoutSaving() throws {
        let c = try TestClinic()
        let doctor = try c.addDoctor(hours: "mon-fri 09:00-12:00")
        let patient = try c.addPatient()
        let a = try c.book(doctor: doctor, patient: patient, at: c.local("2026-03-03", "11:00"))
        let proposed = try HoursSpecParser.parse("mon-fri 09:00-10:00; sat 10:00-11:00")
        let preview = try c.store.previewHours(doctorID: doctor.id, hours: proposed, from: LocalDate("2026-03-09")!)
        #expect(preview.days.count == 7)
        #expect(preview.days[0].slots.count == 2 && preview.days[0].currentCount == 6)
        #expect(preview.days[5].slots.count == 2 && preview.days[5].currentCount == 0)
        #expect(preview.days[6].slots.isEmpty)
        #expect(preview.stranded == [a.code])
        #expect(try c.store.hours(doctorID: doctor.id).specText == (try HoursSpecParser.parse("mon-fri 09:00-12:00")).specText)
    }
}
