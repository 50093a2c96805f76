import Foundation
import GRDB

extension ClinicStore {
    /// The key webhook signatures are checked with: the Twilio auth token when
    /// one is configured, else a random secret kept in the database (made on
    /// first use), so that `clinic sms simulate` and the demo work with the
    /// outbox gateway and no Twilio account.
    public func webhookSigningKey(authToken: String) throws -> String {
        if !authToken.isEmpty { return authToken }
        if let secret = try pool.read({ db in try String.fetchOne(db, sql: "SELECT secret FROM webhook_secret WHERE id = 1") }) {
            return secret
        }
        let fresh = Data(OpenSSL.randomBytes(24)).base64EncodedString()
        return try pool.write { db in
            try db.execute(sql: "INSERT INTO webhook_secret (id, secret) VALUES (1, ?) ON CONFLICT DO NOTHING", arguments: [fresh])
            return try String.fetchOne(db, sql: "SELECT secret FROM webhook_secret WHERE id = 1") ?? fresh
        }
    }
}
