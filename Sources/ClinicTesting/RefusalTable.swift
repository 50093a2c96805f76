import ClinicCore
import Foundation

/// The contract's refusals of booking and the status machine as one table,
/// run by every surface that offers those actions: the CLI (exit status and
/// the `--json` envelope, `CLIRefusalTests`) and the HTTP API (status and
/// error body, `ServeAPIRefusalTests`). Each surface turns a case into its
/// own request; the expected code is written once, here.
///
/// The clinic (`prepare`): Monday 2 March 2026, 07:00 in New York; Dr Ana and
/// Dr Ben work weekdays 09–12 and 14–17 (30-minute slots); patients Pia and
/// Quin; a receptionist; Pia's visit with Ana on Tuesday at 09:00 (`booked`)
/// and her cancelled one at 10:00 (`cancelled`).
public enum RefusalTable {
    /// Who acts, or whom an action names.
    public enum Person: String, Sendable, CaseIterable {
        case ana, ben, pia, quin, desk
        /// Someone the clinic does not have.
        case nobody

        public var email: String { "\(rawValue)@clinic.test" }
        public var role: Role {
            switch self {
            case .ana, .ben: .doctor
            case .pia, .quin, .nobody: .patient
            case .desk: .receptionist
            }
        }
        public var password: String {
            switch role {
            case .doctor: "doctor-pass"
            case .patient: "patient-pass"
            case .receptionist, .admin: "desk-pass-1"
            }
        }
    }

    /// A start as the desk types it (`2026-03-03 09:10`, New York), or text that is no time at all.
    public enum Start: Sendable, CustomStringConvertible {
        case local(String)
        case malformed(cli: String, api: String)

        public var description: String {
            switch self {
            case .local(let text): text
            case .malformed(let cli, _): cli
            }
        }
    }

    /// The appointment a status move names.
    public enum Target: Sendable {
        case booked, cancelled
        /// A well-formed code no appointment has.
        case missing
    }

    /// A status move, by its CLI command (the API's `PATCH …/{id}/<verb>`).
    public enum Verb: String, Sendable {
        case confirm, cancel, checkIn = "check-in", complete
    }

    public enum Action: Sendable {
        case book(doctor: Person, patient: Person, start: Start, reason: String)
        case move(Verb, Target)
        /// A doctor's figures, or (nil) the whole clinic's.
        case stats(doctor: Person?)
    }

    public struct Case: Sendable, CustomStringConvertible {
        public let action: Action
        public let actor: Person
        /// The contract's code (DESIGN §2).
        public let code: String
        public var description: String { "\(actor) \(action) → \(code)" }
    }

    static func book(
        _ start: Start, doctor: Person = .ana, patient: Person = .pia, reason: String = "Check-up", as actor: Person = .desk,
        _ code: String
    ) -> Case {
        Case(action: .book(doctor: doctor, patient: patient, start: start, reason: reason), actor: actor, code: code)
    }

    /// Every booking refusal, each one leaving the clinic as it was.
    public static let bookingRefusals: [Case] = [
        book(.local("2026-03-03 09:10"), "not_aligned"),
        book(.local("2026-03-03 12:30"), "outside_schedule"),
        book(.local("2026-03-07 09:00"), "outside_schedule"),  // Saturday
        book(.local("2026-03-02 06:30"), "in_past"),  // before 07:00 now
        book(.local("2026-03-03 10:30"), doctor: .nobody, "not_found"),
        book(.local("2026-03-03 10:30"), patient: .nobody, "not_found"),
        book(.local("2026-03-03 09:00"), patient: .quin, "slot_taken"),
        book(.local("2026-03-03 09:00"), doctor: .ben, "patient_busy"),
        book(.local("2026-03-03 10:30"), reason: String(repeating: "x", count: 501), "invalid_input"),
        book(.local("2026-03-03 10:30"), reason: "   ", "invalid_input"),
        book(.local("2026-03-03 10:30"), reason: "Headache\u{1B}[2J", "invalid_input"),
        book(.malformed(cli: "2026-13-03 10:00", api: "2026-13-03T10:00:00-05:00"), "invalid_input"),
        book(.malformed(cli: "next tuesday", api: "next tuesday"), "invalid_input"),
        book(.local("2026-03-03 10:30"), patient: .quin, as: .pia, "forbidden"),
        book(.local("2026-03-03 10:30"), as: .ben, "forbidden"),
    ]

    /// Every refusal of the status machine.
    public static let statusRefusals: [Case] = [
        Case(action: .move(.confirm, .booked), actor: .quin, code: "forbidden"),
        Case(action: .move(.cancel, .booked), actor: .quin, code: "forbidden"),
        Case(action: .move(.checkIn, .booked), actor: .pia, code: "forbidden"),
        Case(action: .move(.complete, .booked), actor: .ben, code: "forbidden"),
        Case(action: .move(.complete, .booked), actor: .ana, code: "invalid_transition"),  // before its start
        Case(action: .move(.confirm, .cancelled), actor: .desk, code: "invalid_transition"),
        Case(action: .move(.cancel, .cancelled), actor: .pia, code: "invalid_transition"),
        Case(action: .move(.confirm, .missing), actor: .desk, code: "not_found"),
        // A patient learns nothing of a code that is not theirs, not even that it is missing.
        Case(action: .move(.confirm, .missing), actor: .pia, code: "forbidden"),
    ]

    /// Who may see which figures: a doctor their own, the desk anyone's and the clinic's.
    public static let statsRefusals: [Case] = [
        Case(action: .stats(doctor: nil), actor: .pia, code: "forbidden"),
        Case(action: .stats(doctor: nil), actor: .ana, code: "forbidden"),
        Case(action: .stats(doctor: .ana), actor: .pia, code: "forbidden"),
        Case(action: .stats(doctor: .ana), actor: .ben, code: "forbidden"),
        Case(action: .stats(doctor: .nobody), actor: .desk, code: "not_found"),
    ]

    /// The contract's HTTP status for each code (issue 14's table).
    public static let httpStatus: [String: Int] = [
        "invalid_input": 400, "not_aligned": 400, "outside_schedule": 400, "in_past": 400,
        "unauthorized": 401, "forbidden": 403, "not_found": 404,
        "slot_taken": 409, "patient_busy": 409, "conflict": 409, "invalid_transition": 409,
        "locked_out": 423,
    ]

    /// The contract's exit status for each code: 2 for bad input, 1 for every other refusal.
    public static func exitStatus(_ code: String) -> Int32 { code == "invalid_input" ? 2 : 1 }

    /// The clinic the cases are written against, made through the binary.
    public struct Clinic: Sendable {
        public let booked: String
        public let cancelled: String
        public let missing = "ZZZZZZ"

        public func code(_ target: Target) -> String {
            switch target {
            case .booked: booked
            case .cancelled: cancelled
            case .missing: missing
            }
        }
    }

    /// Adds the people and the two visits to `cli`'s (empty) clinic.
    public static func prepare(_ cli: CLIClinic) throws -> Clinic {
        try cli.addDoctor(email: Person.ana.email, phone: "+15550200001")
        try cli.addDoctor(email: Person.ben.email, phone: "+15550200002")
        try cli.addPatient(email: Person.pia.email, phone: "+15550100001")
        try cli.addPatient(email: Person.quin.email, phone: "+15550100002")
        let desk = try cli.run(
            "user", "add", "--role", "receptionist", "--name", "Desk", "--email", Person.desk.email,
            "--phone", "+15550300001", "--password", Person.desk.password)
        guard desk.exitCode == 0 else { throw CLIClinicError("adding the receptionist failed: \(desk.stderr)") }
        func book(_ time: String) throws -> String {
            let r = try cli.json(
                "book", "--doctor", Person.ana.email, "--patient", Person.pia.email, "--start", "2026-03-03 \(time)",
                "--reason", "Check-up")
            guard let code = (r.object["appointment"] as? [String: Any])?["code"] as? String else {
                throw CLIClinicError("booking failed: \(r.result.stderr)")
            }
            return code
        }
        let booked = try book("09:00"), cancelled = try book("10:00")
        let cancel = try cli.run("cancel", cancelled)
        guard cancel.exitCode == 0 else { throw CLIClinicError("cancelling failed: \(cancel.stderr)") }
        return Clinic(booked: booked, cancelled: cancelled)
    }

    /// Every appointment as `appointments --json` lists it (code, status, start), to see that a refusal changed nothing.
    public static func snapshot(_ cli: CLIClinic) throws -> String {
        let r = try cli.run("appointments", "--json")
        guard let object = (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [String: Any],
            let list = object["appointments"] as? [[String: Any]]
        else { throw CLIClinicError("appointments --json: \(r.stdout) \(r.stderr)") }
        return list.map { "\($0["code"] ?? "") \($0["status"] ?? "") \($0["start"] ?? "")" }.joined(separator: "\n")
    }

    /// The clinic's zone, to write a local start as an ISO 8601 instant for the API.
    public static let zone = ClinicTimeZone(identifier: "America/New_York")!

    /// `2026-03-03 09:10` (New York) as `2026-03-03T09:10:00-05:00`; malformed text as given.
    public static func isoStart(_ start: Start) -> String {
        switch start {
        case .malformed(_, let api): return api
        case .local(let text):
            let parts = text.split(separator: " ")
            guard parts.count == 2, let date = LocalDate(String(parts[0])), let time = LocalTime(String(parts[1])),
                let instant = zone.instants(of: date, minute: time.minutes).first
            else { return text }
            return zone.iso8601(instant)
        }
    }
}
