import ClinicCore
import Foundation

/// Prints JSON documents on stdout, one per line.
enum JSONOutput {
    static func print<T: Encodable>(_ value: T) {
        FileHandle.standardOutput.write(((try? data(value)) ?? Data("{}".utf8)) + Data("\n".utf8))
    }

    /// Prints a JSON document written by the core (the day sheet), made terminal-safe.
    static func print(encoded json: [UInt8]) {
        FileHandle.standardOutput.write(terminalSafe(Data(json)) + Data("\n".utf8))
    }

    /// The JSON encoding used everywhere (sorted keys; `pretty` for files people read).
    static func data<T: Encodable>(_ value: T, pretty: Bool = false) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        return terminalSafe(try encoder.encode(value))
    }

    /// JSON that is safe to show on a terminal: JSONEncoder escapes C0
    /// controls, but leaves DEL, C1 controls (U+009B acts as an escape in some
    /// terminals), the line and paragraph separators and text-direction
    /// controls raw. Outside strings JSON is ASCII, so writing each of them as
    /// `\uXXXX` keeps the document and every value the same.
    static func terminalSafe(_ json: Data) -> Data {
        func unsafe(_ s: Unicode.Scalar) -> Bool {
            StoredText.isRefused(s, multiline: true) || s.value == 0x2028 || s.value == 0x2029
        }
        let text = String(decoding: json, as: UTF8.self)
        guard text.unicodeScalars.contains(where: unsafe) else { return json }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            guard unsafe(s) else { out.append(s); continue }
            let hex = String(s.value, radix: 16)
            out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
        }
        return Data(String(out).utf8)
    }
}

/// An appointment as scripts see it (DESIGN §3).
struct AppointmentJSON: Encodable {
    struct Party: Encodable {
        let id: Int64
        let name: String
        let email: String?
        let phone: String?

        enum CodingKeys: String, CodingKey { case id, name, email, phone }

        /// A missing email or phone is `null`, not left out.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(name, forKey: .name)
            try c.encode(email, forKey: .email); try c.encode(phone, forKey: .phone)
        }
    }
    let code: String
    let status: String
    let start: String
    let end: String
    let doctor: Party
    let patient: Party
    let reason: String

    init(_ a: Appointment, zone: ClinicTimeZone) {
        code = a.code; status = a.status.rawValue; reason = a.reason
        start = zone.iso8601(a.start); end = zone.iso8601(a.end)
        doctor = Party(id: a.doctor.id, name: a.doctor.name, email: a.doctor.email, phone: a.doctor.phone)
        patient = Party(id: a.patient.id, name: a.patient.name, email: a.patient.email, phone: a.patient.phone)
    }
}

/// `{"appointment": {…}}`.
struct AppointmentEnvelope: Encodable { let appointment: AppointmentJSON }

/// An account as scripts see it (a missing email or phone is `null`).
struct AccountJSON: Encodable {
    let id: Int64
    let role: String
    let name: String
    let email: String?
    let phone: String?
    let active: Bool
    let has_password: Bool
    let locked: Bool
    /// Locked at the kiosk only (the staff terminal's lock is `locked`).
    let kiosk_locked: Bool

    init(_ a: Account, now: Int64) {
        id = a.id; role = a.role.rawValue; name = a.name; email = a.email; phone = a.phone
        active = a.active; has_password = a.hasPassword; locked = (a.lockedUntil ?? 0) > now
        kiosk_locked = (a.kioskLockedUntil ?? 0) > now
    }

    enum CodingKeys: String, CodingKey { case id, role, name, email, phone, active, has_password, locked, kiosk_locked }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(role, forKey: .role); try c.encode(name, forKey: .name)
        try c.encode(email, forKey: .email); try c.encode(phone, forKey: .phone); try c.encode(active, forKey: .active)
        try c.encode(has_password, forKey: .has_password); try c.encode(locked, forKey: .locked)
        try c.encode(kiosk_locked, forKey: .kiosk_locked)
    }
}
