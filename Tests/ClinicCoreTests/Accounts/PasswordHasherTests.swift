import ClinicCore
import ClinicTesting
import GRDB
import Testing

@Suite("PasswordHasher: PBKDF2 with its parameters in the stored form")
struct PasswordHasherTests {
    let hasher = PasswordHasher(iterations: 1_000)

    @Test("hash then verify: the right password matches, others do not")
    func roundTrip() {
        // Given a hash of a password
        let stored = hasher.hash("correct horse battery")
        // Then the same password verifies, and near misses do not
        #expect(PasswordHasher.verify("correct horse battery", against: stored))
        #expect(!PasswordHasher.verify("correct horse batterY", against: stored))
        #expect(!PasswordHasher.verify("correct horse battery ", against: stored))
        #expect(!PasswordHasher.verify("", against: stored))
        // And UTF-8 passwords work
        #expect(PasswordHasher.verify("pässwörd-密码", against: hasher.hash("pässwörd-密码")))
    }

    @Test("The stored form carries the algorithm, the iteration count, a salt and the key")
    func storedFormCarriesParameters() throws {
        // Given hashes at two costs
        let cheap = hasher.hash("password-1")
        let dearer = PasswordHasher(iterations: 2_345).hash("password-1")
        // Then each names its own iteration count, and each verifies with no hasher configured
        let parts = cheap.split(separator: "$")
        #expect(parts.count == 4)
        #expect(parts[0] == "pbkdf2-sha256" && parts[1] == "1000")
        #expect(dearer.split(separator: "$")[1] == "2345")
        #expect(PasswordHasher.verify("password-1", against: dearer))
        // And changing the stored count breaks verification (the count is really used)
        let tampered = dearer.replacingOccurrences(of: "$2345$", with: "$2346$")
        #expect(!PasswordHasher.verify("password-1", against: tampered))
    }

    @Test("Each hash has its own salt")
    func salted() {
        let a = hasher.hash("same password"), b = hasher.hash("same password")
        #expect(a != b)
        #expect(a.split(separator: "$")[2] != b.split(separator: "$")[2])
    }

    @Test("Malformed stored hashes never verify")
    func malformed() {
        for stored in [
            "", "plain", "pbkdf2-sha256$1000$abc", "md5$1000$AAAA$AAAA", "pbkdf2-sha256$10$AAAA$AAAA",
            "pbkdf2-sha256$x$AAAA$AAAA", "pbkdf2-sha256$1000$AAAA$AAAA",
        ] {
            #expect(!PasswordHasher.verify("anything", against: stored), "\(stored)")
        }
    }

    @Test("Costs below 1000 iterations are raised to 1000")
    func minimumCost() {
        #expect(PasswordHasher(iterations: 1).iterations == 1_000)
        #expect(PasswordHasher().iterations == PasswordHasher.interactiveIterations)
    }

    @Test("Password rules: 8 characters at least, 1024 bytes at most")
    func validation() {
        #expect(refusal { try PasswordHasher.validate("1234567") } == .invalidInput)
        #expect(refusal { try PasswordHasher.validate("12345678") } == nil)
        #expect(refusal { try PasswordHasher.validate(String(repeating: "é", count: 513)) } == .invalidInput)
    }

    @Test("Accounts store the hash with its iteration count, never the password")
    func storedInDatabase() throws {
        // Given a clinic whose hasher uses 1000 iterations
        let clinic = try TestClinic()
        let patient = try clinic.addPatient()
        // When the stored hash is read straight from the file
        let stored = try clinic.store.reader.read { db in
            try String.fetchOne(db, sql: "SELECT password_hash FROM account WHERE id = ?", arguments: [patient.id])
        }
        // Then it is a PBKDF2 hash naming its cost, of the patient's password
        let hash = try #require(stored)
        #expect(hash.hasPrefix("pbkdf2-sha256$1000$"))
        #expect(!hash.contains("patient-password"))
        #expect(PasswordHasher.verify("patient-password", against: hash))
    }
}
