import GRDB

/// What the clinic knows about a phone number's SMS reachability.
public struct PhoneStatus: Sendable, Equatable {
    /// E.164.
    public let phone: String
    /// No SMS goes to this number (STOP, or Twilio's 21610).
    public let optedOut: Bool
    /// Where the opt-out (or opt-in) came from: `twilio_21610`, `sms_stop`, `desk`…
    public let source: String?
    /// A problem the desk should look at (`bad_number`), with the provider's code.
    public let flag: String?
    public let flagCode: String?
}

extension ClinicStore {
    /// The status of a number (not opted out, no flag, when unknown).
    public func phoneStatus(_ phone: String) throws -> PhoneStatus {
        try pool.read { db in
            guard let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM phone_status WHERE phone = ?", arguments: [phone]) else {
                return PhoneStatus(phone: phone, optedOut: false, source: nil, flag: nil, flagCode: nil)
            }
            return PhoneStatus(
                phone: phone, optedOut: row["opted_out"], source: row["opt_source"],
                flag: row["flag"], flagCode: row["flag_code"])
        }
    }

    /// Opts a number out of (or back into) SMS. While opted out, every message
    /// to it is recorded as `skipped` and nothing is sent.
    public func setOptOut(phone: String, optedOut: Bool, source: String) throws {
        let now = nowSeconds
        try pool.write { db in try Self.setOptOut(phone: phone, optedOut: optedOut, source: source, now: now, db) }
    }

    /// Numbers currently flagged or opted out, for the desk.
    public func flaggedPhones() throws -> [PhoneStatus] {
        try pool.read { db in
            try StoreRow.fetchAll(db, sql: "SELECT * FROM phone_status WHERE opted_out = 1 OR flag IS NOT NULL ORDER BY updated_at DESC")
                .map {
                    PhoneStatus(
                        phone: $0["phone"], optedOut: $0["opted_out"], source: $0["opt_source"],
                        flag: $0["flag"], flagCode: $0["flag_code"])
                }
        }
    }

    static func isOptedOut(phone: String, _ db: StoreConnection) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT opted_out FROM phone_status WHERE phone = ?"),
            arguments: [phone]) ?? false
    }

    static func setOptOut(phone: String, optedOut: Bool, source: String, now: Int64, _ db: StoreConnection) throws {
        try db.execute(
            sql: """
                INSERT INTO phone_status (phone, opted_out, opted_out_at, opt_source, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(phone) DO UPDATE SET opted_out = excluded.opted_out, opted_out_at = excluded.opted_out_at,
                    opt_source = excluded.opt_source, updated_at = excluded.updated_at
                """, arguments: [phone, optedOut, optedOut ? now : nil, source, now])
    }

    static func flagPhone(_ phone: String, flag: String, code: String, now: Int64, _ db: StoreConnection) throws {
        try db.execute(
            sql: """
                INSERT INTO phone_status (phone, flag, flag_code, flagged_at, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(phone) DO UPDATE SET flag = excluded.flag, flag_code = excluded.flag_code,
                    flagged_at = excluded.flagged_at, updated_at = excluded.updated_at
                """, arguments: [phone, flag, code, now, now])
    }

    /// What a message's failure does to its number, whether the send was
    /// refused at once or a later delivery report said so: an opt-out marks
    /// the number, a bad number flags it for the desk, carrier filtering
    /// alerts the admin; anything else leaves the number alone.
    static func applyToPhone(_ failure: SMSFailure, phone: String, outboxID: Int64, now: Int64, _ db: StoreConnection) throws {
        switch failure.kind {
        case .optedOut: try setOptOut(phone: phone, optedOut: true, source: "twilio_21610", now: now, db)
        case .badNumber: try flagPhone(phone, flag: "bad_number", code: failure.code, now: now, db)
        case .filtered:
            try db.execute(
                sql: "INSERT INTO admin_alert (at, kind, message, outbox_id) VALUES (?, ?, ?, ?)",
                arguments: [now, "sms_filtered", "SMS to \(phone) was filtered by the carrier (30007)", outboxID])
        case .transient, .permanent: break
        }
    }
}
