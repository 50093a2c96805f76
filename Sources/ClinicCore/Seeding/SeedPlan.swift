/// A clinic to seed, generated in memory from a seed and a clock reading;
/// writing it is `ClinicStore.seed`'s job.
struct SeedPlan {
    struct Person {
        let id: Int64
        let role: Role
        let name: String
        /// nil: a patient with a phone only (one in twenty).
        let email: String?
        let phone: String
        /// Plain password for accounts that get one (hashed before writing).
        let password: String?
    }

    struct Doctor {
        let person: Person
        let specialization: String
        let slotMinutes: Int
        let hours: WeeklyHours
    }

    struct PatientDetails {
        /// 1–95 years before the seed's clinic date.
        let birthDate: LocalDate
        let gender: String
        let notes: String
    }

    struct Visit {
        /// Numbered in (doctor, start) order once every visit is planned.
        var id: Int64
        /// Drawn at random; dealt out in ascending order with the ids (see `SeedPlanner.visits`).
        var code: String
        let doctorID: Int64
        let patientID: Int64
        let start: Int64
        let end: Int64
        let status: AppointmentStatus
        let reason: String
        let createdAt: Int64
    }

    var staff: [Person] = []
    var doctors: [Doctor] = []
    var patients: [Person] = []
    var patientDetails: [PatientDetails] = []
    var visits: [Visit] = []
    /// Things the admin should know (e.g. doctors added so the appointments fit).
    var notes: [String] = []
}
