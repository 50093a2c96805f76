import ClinicCore
import ClinicTesting
import Foundation
import GRDB
import Testing

/// "Forgot password" in the core: a code by SMS for a patient with a phone,
/// stored hashed, good for 10 minutes and 5 tries, 3 an hour per account and
/// per requester; using it sets the password, clears locks, ends sessions and
/// tokens, and is audited. A stranger learns nothing: one answer to every
/// request and one refusal to every code that does not work, each costing the same.
@Suite struct PasswordResetTests {
    @Test func aPatientWithAPhoneGetsACodeThatSetsTheNewPasswordOnce() throws {
        // Given a patient with a phone
        let c = try TestClinic()
        let patient = try c.addPatient()
        // When they ask by phone and use the code texted to them
        #expect(try c.requestReset(patient.phone!) == .answered)
        let sms = try #require(try c.store.smsLog().first)
        #expect(sms.kind == .passwordReset && sms.to == patient.phone && sms.state == .queued)
        #expect(sms.expiresAt == c.nowSeconds + 600)
        let code = try #require(try c.pendingResetCode())
        #expect(code.count == 6 && code.allSatisfy(\.isASCII) && code.allSatisfy(\.isNumber))
        #expect(c.resetRefusal(patient.phone!, code: code, password: "새 비밀번호 🔑") == nil)
        // Then the new password signs in and the old one does not
        #expect(try c.store.kioskSignIn(login: patient.email!, password: "새 비밀번호 🔑").id == patient.id)
        #expect(throws: ClinicError.self) { try c.store.kioskSignIn(login: patient.email!, password: "patient-password") }
        // and the code is spent
        #expect(c.resetRefusal(patient.phone!, code: code)?.message == PasswordResetPolicy.codeRefusal)
        // and the account's audit trail says how it changed
        let events = try c.store.accountEvents(accountID: patient.id, viewer: .shell)
        #expect(events.count == 1)
        #expect(events.first?.fields == ["password"])
        #expect(events.first?.via == .kiosk)
    }

    @Test func anEmailFindsThePatientAndTheCodeGoesToTheirPhone() throws {
        let c = try TestClinic()
        let patient = try c.addPatient()
        try c.requestReset(patient.email!.uppercased())
        #expect(try c.store.smsLog().map(\.to) == [patient.phone!])
        let code = try #require(try c.pendingResetCode())
        #expect(c.resetRefusal(patient.email!, code: " \(code) ") == nil, "spaces around the code are forgiven")
    }

    @Test func theCodeIsStoredHashedAndTheListingsNeverShowIt() throws {
        let c = try TestClinic()
        let patient = try c.addPatient()
        try c.requestReset(patient.phone!)
        let code = try #require(try c.pendingResetCode())
        let row = try #require(try c.store.reader.read { db in try StoreRow.fetchOne(db, sql: "SELECT * FROM password_reset") })
        let hash: String = try #require(row["code_hash"])
        #expect(hash.hasPrefix("pbkdf2-sha256$") && !hash.contains(code))
        for column in row.columnNames {
            #expect(!(row[column] as DatabaseValue).description.contains(code), "\(column) holds the plain code")
        }
        // The outbox holds it until sent, but no listing shows it.
        let listed = try #require(try c.store.smsLog().first)
        #expect(!listed.body.contains(code))
        #expect(listed.body.hasPrefix("•••••• is your password reset code for Test Clinic."))
    }

    @Test func theAnswerIsTheSameAndCostsTheSameWhateverTheLoginNames() throws {
        // Given a patient with a phone, one without, a deactivated one, staff and a number nobody has
        let c = try TestClinic()
        let counter = KDFCounter()
        let store = try c.store(counting: counter)
        let patient = try c.addPatient(), noPhone = try c.addPatientWithoutPhone(), doctor = try c.addDoctor()
        let gone = try c.addPatient()
        try c.store.deactivate(accountID: gone.id, by: .shell)
        let desk = try c.addStaff(.receptionist)
        // When each is asked for, from requesters of their own
        var outcomes: [PasswordResetRequest] = []
        var costs: [[Int]] = []
        for (i, login) in [patient.phone!, "+15550199999", "nobody@clinic.test", noPhone.email!, doctor.phone!, desk.email!, gone.phone!]
            .enumerated()
        {
            outcomes.append(try store.requestPasswordReset(login: login, requester: "kiosk:\(i)"))
            costs.append(counter.take())
        }
        // Then every answer is the same, every one ran the KDF once, and only the patient with a phone got a code
        #expect(Set(outcomes) == [.answered])
        #expect(Set(costs) == [[1_000]], "\(costs)")
        #expect(try c.store.smsLog().map(\.to) == [patient.phone!])
        #expect(try c.count("password_reset") == 7, "every request leaves the same trace")
    }

    @Test func aCodeWorksForTenMinutes() throws {
        let c = try TestClinic()
        let patient = try c.addPatient()
        try c.requestReset(patient.phone!, from: "kiosk:a")
        let first = try #require(try c.pendingResetCode())
        c.clock.advance(by: 600)
        #expect(c.resetRefusal(patient.phone!, code: first)?.message == PasswordResetPolicy.codeRefusal)
        try c.requestReset(patient.phone!, from: "kiosk:b")
        let second = try #require(try c.pendingResetCode())
        c.clock.advance(by: 599)
        #expect(c.resetRefusal(patient.phone!, code: second) == nil)
    }

    @Test func fiveTriesThenEvenTheRightCodeIsRefused() throws {
        let c = try TestClinic()
        let patient = try c.addPatient()
        try c.requestReset(patient.phone!)
        let code = try #require(try c.pendingResetCode())
        for _ in 1...5 {
            #expect(c.resetRefusal(patient.phone!, code: TestClinic.wrongCode(code))?.message == PasswordResetPolicy.codeRefusal)
        }
        #expect(c.resetRefusal(patient.phone!, code: code)?.message == PasswordResetPolicy.codeRefusal)
        #expect(try c.store.kioskSignIn(login: patient.phone!, password: "patient-password").id == patient.id)
    }

    @Test func fourWrongTriesLeaveTheFifthForTheRightCode() throws {
        let c = try TestClinic()
        let patient = try c.addPatient()
        try c.requestReset(patient.phone!)
        let code = try #require(try c.pendingResetCode())
        for _ in 1...4 { _ = c.resetRefusal(patient.phone!, code: TestClinic.wrongCode(code)) }
        #expect(c.resetRefusal(patient.phone!, code: code) == nil)
    }

    @Test func aNewerCodeReplacesTheEarlierOne() throws {
        let c = try TestClinic()
        let patient = try c.addPatient()
        try c.requestReset(patient.phone!)
        let first = try #require(try c.pendingResetCode())
        try c.requestReset(patient.phone!)
        let second = try #require(try c.pendingResetCode())
        if first != second {
            #expect(c.resetRefusal(patient.phone!, code: first)?.message == PasswordResetPolicy.codeRefusal)
        }
        #expect(c.resetRefusal(patient.phone!, code: second) == nil)
    }

    @Test func anAccountGetsThreeCodesAnHourAndTheFourthRequestReadsTheSame() throws {
        // Given three codes sent to one patient from three kiosks within the hour
        let c = try TestClinic()
        let patient = try c.addPatient()
        for i in 1...3 { #expect(try c.requestReset(patient.phone!, from: "kiosk:\(i)") == .answered) }
        #expect(try c.resetMessageCount() == 3)
        let third = try #require(try c.pendingResetCode())
        // When a fourth is asked for
        c.clock.advance(by: 60)
        #expect(try c.requestReset(patient.phone!, from: "kiosk:4") == .answered)
        // Then nothing is sent and the third code still works
        #expect(try c.resetMessageCount() == 3)
        #expect(c.resetRefusal(patient.phone!, code: third) == nil)
        c.clock.advance(by: 3539)
        #expect(try c.requestReset(patient.phone!, from: "kiosk:5") == .answered)
        #expect(try c.resetMessageCount() == 3, "the first code went 3599 s ago: still within the hour")
        c.clock.advance(by: 1)
        try c.requestReset(patient.phone!, from: "kiosk:6")
        #expect(try c.resetMessageCount() == 4, "an hour after the first code, another may go")
    }

    @Test func aRequesterMayAskThreeTimesAnHourWhateverItNames() throws {
        let c = try TestClinic()
        let patient = try c.addPatient()
        for login in ["+15550199991", "+15550199992", "someone@x.test"] {
            #expect(try c.requestReset(login, from: "kiosk:one") == .answered)
        }
        #expect(try c.requestReset(patient.phone!, from: "kiosk:one") == .requesterLimited)
        #expect(try c.resetMessageCount() == 0)
        #expect(try c.requestReset(patient.phone!, from: "kiosk:two") == .answered)
        #expect(try c.resetMessageCount() == 1)
        c.clock.advance(by: 3601)
        #expect(try c.requestReset(patient.phone!, from: "kiosk:one") == .answered)
    }

    @Test func theClinicSendsAtMostSoManyCodesAnHourWhoeverAsks() throws {
        // Given a clinic-wide cap of 3 an hour and four patients asked for from four addresses
        let c = try TestClinic()
        let patients = try (0..<4).map { _ in try c.addPatient() }
        let policy = PasswordResetPolicy(codesPerHourClinicWide: 3)
        let answers = try patients.enumerated().map { i, p in
            try c.store.requestPasswordReset(login: p.phone!, requester: "api:10.0.0.\(i)", policy: policy)
        }
        // Then every answer reads the same, and the fourth sends nothing
        #expect(answers == Array(repeating: .answered, count: 4))
        #expect(try c.resetMessageCount() == 3)
        c.clock.advance(by: 3601)
        _ = try c.store.requestPasswordReset(login: patients[3].phone!, requester: "api:10.0.0.9", policy: policy)
        #expect(try c.resetMessageCount() == 4)
    }

    @Test func overSSHTheKioskIsLimitedByTheClientsAddressNotTheConnection() {
        let one = KioskSession(clientAddress: "203.0.113.7"), again = KioskSession(clientAddress: "203.0.113.7")
        #expect(one.requester == "kiosk:ssh:203.0.113.7" && one.requester == again.requester)
        #expect(KioskSession().requester != KioskSession().requester)  // a terminal without ssh: its own session
    }

    @Test func everyCodeThatDoesNotWorkGetsTheSameRefusalAtTheSameCost() throws {
        // Given a patient with a live code, one whose code expired, one out of tries, staff and nobody
        let c = try TestClinic()
        let counter = KDFCounter()
        let store = try c.store(counting: counter)
        let live = try c.addPatient(), expired = try c.addPatient(), tried = try c.addPatient(), doctor = try c.addDoctor()
        try c.requestReset(expired.phone!, from: "kiosk:1")
        let expiredCode = try #require(try c.pendingResetCode())
        c.clock.advance(by: 601)
        try c.requestReset(tried.phone!, from: "kiosk:2")
        let triedCode = try #require(try c.pendingResetCode())
        for _ in 1...5 { _ = c.resetRefusal(tried.phone!, code: TestClinic.wrongCode(triedCode)) }
        try c.requestReset(live.phone!, from: "kiosk:3")
        let liveCode = try #require(try c.pendingResetCode())
        _ = counter.take()
        // When each is tried
        let attempts = [
            (live.phone!, TestClinic.wrongCode(liveCode)), (expired.phone!, expiredCode), (tried.phone!, triedCode),
            (doctor.phone!, "123456"), ("+15550199999", "123456"), ("nobody@x.test", "12ab56"),
        ]
        var refusals: [ClinicError] = []
        var costs: [[Int]] = []
        for (login, code) in attempts {
            do {
                try store.resetPassword(login: login, code: code, newPassword: "new-password-1", via: .api)
                Issue.record("\(login) was reset")
            } catch let error as ClinicError { refusals.append(error) }
            costs.append(counter.take())
        }
        // Then every refusal reads the same and ran the KDF once
        #expect(Set(refusals.map(\.code)) == [.unauthorized])
        #expect(Set(refusals.map(\.message)) == [PasswordResetPolicy.codeRefusal])
        #expect(Set(costs) == [[1_000]], "\(costs)")
    }

    @Test func aPasswordTheRulesRefuseIsSaidAndCostsNoTry() throws {
        let c = try TestClinic()
        let patient = try c.addPatient()
        try c.requestReset(patient.phone!)
        let code = try #require(try c.pendingResetCode())
        let short = c.resetRefusal(patient.phone!, code: code, password: "short")
        #expect(short?.code == .invalidInput && short?.field == .password)
        let tries = try c.store.reader.read { db in try Int.fetchOne(db, sql: "SELECT tries FROM password_reset") }
        #expect(tries == 0)
        #expect(c.resetRefusal(patient.phone!, code: code) == nil)
    }

    @Test func aResetEndsEverySessionAndTokenAndLiftsTheKioskLock() throws {
        // Given a patient signed in at a kiosk and through the API, then locked out of the kiosk by a stranger
        let c = try TestClinic()
        let patient = try c.addPatient()
        let atKiosk = try c.store.kioskSignIn(login: patient.email!, password: "patient-password")
        let key = try c.store.apiSigningKey()
        let tokens = try c.store.issueAPITokens(for: atKiosk, key: key)
        let access = try AccessToken.verify(tokens.accessToken, key: key, now: c.nowSeconds)
        for _ in 1...5 { _ = try? c.store.kioskSignIn(login: patient.email!, password: "wrong-password") }
        #expect(throws: ClinicError.self) { try c.store.kioskSignIn(login: patient.email!, password: "patient-password") }
        #expect(try c.store.isStillSignedIn(atKiosk))
        // When the patient resets the password with a code
        try c.requestReset(patient.phone!)
        #expect(c.resetRefusal(patient.phone!, code: try #require(try c.pendingResetCode())) == nil)
        // Then the kiosk session, the access token and the refresh token no longer work, and the lock is gone
        #expect(try c.store.isStillSignedIn(atKiosk) == false)
        #expect(throws: ClinicError.self) { try c.store.apiAccount(for: access) }
        #expect(throws: ClinicError.self) { try c.store.refreshAPITokens(tokens.refreshToken, key: key) }
        #expect(try c.store.kioskSignIn(login: patient.email!, password: "new-password-1").id == patient.id)
    }
}
