import ClinicCore
import Foundation
import GRDB

extension TestClinic {
    /// The newest reset code in the outbox, read from the stored body (the
    /// listings never show it): what the patient's phone would get. Once its
    /// SMS is done with, the body holds `••••••` instead.
    public func pendingResetCode() throws -> String? {
        try store.reader.read { db in
            try String.fetchOne(
                db, sql: "SELECT substr(body, 1, 6) FROM sms_outbox WHERE kind = 'password_reset' ORDER BY id DESC LIMIT 1")
        }
    }

    /// How many reset SMS the outbox holds.
    public func resetMessageCount() throws -> Int {
        try store.reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sms_outbox WHERE kind = 'password_reset'") ?? 0 }
    }

    /// A 6-digit code that is not `code`.
    public static func wrongCode(_ code: String) -> String { code == "000000" ? "111111" : "000000" }
}
