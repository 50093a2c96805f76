@testable import ClinicCore
import ClinicTesting
import Foundation
import GRDB
import Testing

/// What happens to a message in flight when its sender dies: the claim
/// outlives the process, the next lease holder reclaims it and sends it
/// again (at-least-once; see README, Delivery guarantee).
@Suite struct CrashRecoveryTests {
    static let t0 = TestClinic.seconds("2026-03-02T13:00:00Z")
    /// When another scheduler retries a dead sender's message: once A's lease (30 s) ran out
    /// on SQLite, where only the holder sends; once A's claim (35 s) ran out on PostgreSQL,
    /// where every scheduler sends and a claim is its claimer's until then.
    static var takeover: Int64 { t0 + (TestDatabase.isPostgres ? 35 : 30) }

    @Test func aMessageInFlightAtACrashIsSentAgainByTheNextHolderAndNothingElseTwice() throws {
        // Given six queued notices (a booking notice and a confirmation for each of three visits)
        // and scheduler A that claimed a batch of three, sent the first,
        // and died before recording it (simulated: claim + gateway call, no outcome)
        let h = try SchedulerHarness()
        let doctor = try h.clinic.addDoctor(), patient = try h.clinic.addPatient()
        for i in 0..<3 {
            let a = try h.clinic.book(doctor: doctor, patient: patient, at: TestClinic.seconds("2026-03-04T14:00:00Z") + Int64(i) * 1800)
            _ = try h.clinic.store.transition(code: a.code, to: .confirmed, by: .shell)
        }
        h.clinic.clock.set(Date(timeIntervalSince1970: TimeInterval(Self.t0)))
        #expect(try h.clinic.store.acquireSchedulerLease(holder: "A", now: Self.t0, seconds: 30))
        let claimed = try h.clinic.store.claimDueMessages(
            holder: "A", now: Self.t0, limit: 3, claimSeconds: 35,
            gateway: "twilio", from: nil
        ).claimed
        #expect(claimed.count == 3)
        let inFlight = claimed[0]
        #expect(try h.clinic.store.gateSend(inFlight.id, holder: "A", now: Self.t0, leaseSeconds: 30) == .proceed)
        _ = h.gateway.send(OutgoingSMS(outboxID: inFlight.id, to: inFlight.to, body: inFlight.body))

        // When B ticks while A's lease (and claim) is valid, then after it expired
        let b = h.makeScheduler(holder: "B")
        let first = try h.tick(at: Self.t0 + 10, b)
        #expect(!first.leader)
        let report = try h.tick(at: Self.takeover, b)

        // Then B reclaimed the three and sent the rest: the in-flight one went out a second time, the others once
        // (on PostgreSQL B already sent the three A had not claimed while standing by)
        #expect(report.leader && first.sent + report.sent == 6)
        let bodies = h.sentBodies
        #expect(bodies.count == 7)
        #expect(bodies.filter { $0 == inFlight.body }.count == 2)
        #expect(Set(bodies).count == 6)
        // And the log counts two attempts for the in-flight one, one for the others
        let messages = try h.messages()
        #expect(messages.allSatisfy { $0.state == .sent })
        #expect(messages.map(\.attempts) == [2, 1, 1, 1, 1, 1])
        // And the one sent twice keeps the note after its retry succeeded; the others have none
        #expect(messages.map(\.note) == [OutboxMessage.interruptedNote, nil, nil, nil, nil, nil])
        #expect(messages[0].interruptedAt == Self.takeover && messages[0].errorCode == nil)
    }

    /// A claim and gate by holder A, then A dies before recording the outcome.
    private func crashInFlight(_ h: SchedulerHarness) throws -> ClaimedMessage {
        let doctor = try h.clinic.addDoctor(), patient = try h.clinic.addPatient()
        let a = try h.clinic.book(doctor: doctor, patient: patient, at: TestClinic.seconds("2026-03-04T14:00:00Z"))
        _ = try h.clinic.store.transition(code: a.code, to: .confirmed, by: .shell)
        h.clinic.clock.set(Date(timeIntervalSince1970: TimeInterval(Self.t0)))
        #expect(try h.clinic.store.acquireSchedulerLease(holder: "A", now: Self.t0, seconds: 30))
        let claimed = try #require(
            try h.clinic.store.claimDueMessages(
                holder: "A", now: Self.t0, limit: 1, claimSeconds: 35,
                gateway: "twilio", from: nil
            ).claimed.first)
        #expect(try h.clinic.store.gateSend(claimed.id, holder: "A", now: Self.t0, leaseSeconds: 30) == .proceed)
        _ = h.gateway.send(OutgoingSMS(outboxID: claimed.id, to: claimed.to, body: claimed.body))
        return claimed
    }

    @Test func theInterruptedNoteOutlivesAFailedRetryAndTheSuccessAfterIt() throws {
        // Given a message in flight when its sender died, and Twilio failing the next attempt with a 500
        let h = try SchedulerHarness()
        let inFlight = try crashInFlight(h)
        h.twilio.enqueue(.serverError)
        let b = h.makeScheduler(holder: "B")
        // When B retries it after A's lease: first a transient failure
        #expect(try h.tick(at: Self.takeover, b).leader)
        var message = try #require(try h.messages().first { $0.id == inFlight.id })
        #expect(
            message.state == .queued && message.errorCode != "interrupted" && message.note == OutboxMessage.interruptedNote,
            "\(message)")
        // then, after the backoff, success
        try h.tick(at: message.nextAttemptAt, b)
        message = try #require(try h.messages().first { $0.id == inFlight.id })
        // Then it is sent, after three attempts, and still says an earlier attempt was interrupted
        #expect(message.state == .sent && message.attempts == 3 && message.errorCode == nil)
        #expect(message.note == OutboxMessage.interruptedNote && message.interruptedAt == Self.takeover)
        #expect(h.sentBodies.filter { $0 == inFlight.body }.count == 3)
    }

    @Test func messagesNotedByTheOldErrorFieldsKeepTheNoteThroughTheMigration() throws {
        // Given a database at the schema before the note had its column, with one message still marked interrupted
        let dir = try TemporaryDirectory(prefix: "clinic-migration")
        let queue = try DatabaseQueue(path: dir.path("old.sqlite"))
        try ClinicMigrations.migrator.migrate(queue, upTo: "v6-drop-unread-indexes")
        try queue.write { db in
            for (code, message) in [("interrupted", OutboxMessage.interruptedNote), ("21211", "invalid To")] {
                try db.execute(
                    sql: """
                        INSERT INTO sms_outbox (to_phone, body, kind, recipient, state, attempts, next_attempt_at, error_code,
                                                error_message, created_at, updated_at)
                        VALUES ('+15550100001', 'Reminder', 'other', 'patient', 'queued', 1, 100, ?, ?, 50, 60)
                        """, arguments: [code, message])
            }
        }
        // When the remaining migrations run
        try ClinicMigrations.migrator.migrate(queue)
        // Then the interrupted one has its note in the new column, the other none
        let noted = try queue.read { db in try Int64?.fetchAll(db, sql: "SELECT interrupted_at FROM sms_outbox ORDER BY id") }
        #expect(noted == [60, nil])
        try queue.close()
    }
}
