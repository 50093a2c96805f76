import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// The libpq wrapper against a real server: parameters, typed rows, errors with
/// their SQLSTATE, transactions, COPY, LISTEN/NOTIFY and multi-host connection strings.
@Suite struct PostgresConnectionTests {
    let database: PostgresTestDatabase
    let db: PostgresConnection

    init() throws {
        database = try PostgresCluster.freshDatabase("conn")
        db = try database.connect()
        try db.execute("CREATE TABLE note (id BIGINT PRIMARY KEY, body TEXT, n BIGINT, data BYTEA, UNIQUE (body))")
    }

    @Test func textParametersOfEveryScriptRoundTripWithNullsAndBigIntegers() throws {
        // Given texts in Devanagari, Hangul, emoji and the COPY escapes, a NULL, and the extremes of BIGINT
        let texts = ["नमस्ते डॉक्टर", "안녕하세요 의사 선생님", "🩺👩🏽‍⚕️ ok", "tab\tnew\nline\\back"]
        for (i, text) in texts.enumerated() {
            try db.execute("INSERT INTO note (id, body, n) VALUES ($1, $2, $3)", [.int(Int64(i)), .text(text), .int(Int64.max - Int64(i))])
        }
        try db.execute("INSERT INTO note (id, body, n, data) VALUES ($1, $2, $3, $4)", [99, nil, .int(Int64.min), .bytes([0, 1, 0xFE, 0xFF])])
        // When they are read back
        let rows = try db.query("SELECT id, body, n, data, length(body) AS chars FROM note ORDER BY id")
        // Then each value comes back as it went in, typed, and lengths count characters
        #expect(rows.prefix(4).compactMap { $0["body"].string } == texts)
        #expect(rows[0]["n"] == .int(Int64.max))
        #expect(rows[1]["chars"] == .int(Int64(texts[1].count)))
        #expect(rows[4]["body"] == .null)
        #expect(rows[4]["n"] == .int(Int64.min))
        #expect(rows[4]["data"] == .bytes([0, 1, 0xFE, 0xFF]))
        #expect(try db.scalar("SELECT $1::boolean", [.bool(true)]) == .bool(true))
    }

    @Test func errorsKeepTheirSQLStateAndMapToTheContractsCodes() throws {
        // Given a row
        try db.execute("INSERT INTO note (id, body) VALUES (1, 'a')")
        // When a duplicate, a bad cast and a syntax error are sent
        let duplicate = #expect(throws: ClinicError.self) { try db.execute("INSERT INTO note (id, body) VALUES (1, 'b')") }
        let badNumber = #expect(throws: ClinicError.self) { try db.execute("SELECT $1::bigint", ["twelve"]) }
        let syntax = #expect(throws: ClinicError.self) { try db.execute("SELEC 1") }
        // Then each says what happened with its SQLSTATE kept
        #expect(duplicate?.sqlState == "23505")
        #expect(duplicate?.code == .conflict)
        #expect(badNumber?.sqlState == "22P02")
        #expect(badNumber?.code == .invalidInput)
        #expect(syntax?.sqlState == "42601")
        #expect(syntax?.code == .internalError)
        // And the connection is still usable
        #expect(try db.scalar("SELECT count(*) FROM note") == .int(1))
    }

    @Test func aPipelineAnswersEveryStatementInOrderAndStopsAtTheFirstFailure() throws {
        // When a transaction is sent as one pipeline, twice (the second time its statements are already prepared)
        for round in 0..<2 {
            let base = Int64(round * 10)
            let results = try db.pipeline([
                PostgresCommand("BEGIN"),
                PostgresCommand("INSERT INTO note (id, body) VALUES ($1, $2)", [.int(base + 1), .text("नमस्ते \(round)")], prepared: true),
                PostgresCommand("INSERT INTO note (id, body) VALUES ($1, $2)", [.int(base + 2), .text("안녕 \(round)")], prepared: true),
                PostgresCommand("SELECT body FROM note WHERE id >= $1 ORDER BY id", [.int(base)], prepared: true),
                PostgresCommand("COMMIT"),
            ])
            // Then each statement's answer comes back in its place
            #expect(results.count == 5)
            #expect(results[1].affectedRows == 1 && results[2].affectedRows == 1)
            #expect(results[3].rows.compactMap { $0["body"].string } == ["नमस्ते \(round)", "안녕 \(round)"])
        }
        // When a pipeline's middle statement fails (a duplicate id)
        let failure = #expect(throws: ClinicError.self) {
            try db.pipeline([
                PostgresCommand("BEGIN"),
                PostgresCommand("INSERT INTO note (id, body) VALUES ($1, $2)", [.int(30), .text("first")], prepared: true),
                PostgresCommand("INSERT INTO note (id, body) VALUES ($1, $2)", [.int(1), .text("duplicate")], prepared: true),
                PostgresCommand("INSERT INTO note (id, body) VALUES ($1, $2)", [.int(31), .text("after")], prepared: true),
            ])
        }
        // Then its error is the one thrown, and after a rollback nothing of that transaction is stored
        #expect(failure?.sqlState == "23505")
        try db.execute("ROLLBACK")
        #expect(try db.query("SELECT id FROM note ORDER BY id").map { $0["id"] } == [.int(1), .int(2), .int(11), .int(12)])
        // And a statement that does not parse fails alone, the connection still usable
        #expect(throws: ClinicError.self) { try db.pipeline([PostgresCommand("SELEC 1", prepared: true)]) }
        #expect(try db.scalar("SELECT count(*) FROM note") == .int(4))
    }

    @Test func aTransactionThatThrowsIsRolledBackAndOneThatReturnsIsCommitted() throws {
        // When one transaction inserts and then fails, and another inserts and returns
        #expect(throws: ClinicError.self) {
            try db.transaction { tx in
                try tx.execute("INSERT INTO note (id, body) VALUES (1, 'kept?')")
                try tx.execute("INSERT INTO note (id, body) VALUES (2, 'kept?')")  // unique body: fails
            }
        }
        let id = try db.transaction(.serializable) { tx in
            try tx.scalar("INSERT INTO note (id, body) VALUES (3, 'yes') RETURNING id")
        }
        // Then only the second one's row is there
        #expect(id == .int(3))
        #expect(try db.query("SELECT id FROM note").map { $0["id"] } == [.int(3)])
    }

    @Test func copyFromStdinStoresEveryRowWithItsEscapes() throws {
        // When 10,000 rows with tabs, newlines, backslashes, NULLs and bytes are copied in
        let stored = try db.copyIn("COPY note (id, body, n, data) FROM STDIN") { writer in
            for i in 0..<10_000 {
                try writer.row([.int(Int64(i)), .text("row \(i)\t\\ \n 한 🩺"), i % 2 == 0 ? .null : .int(Int64(i)), .bytes([UInt8(i % 256), 0])])
            }
        }
        // Then the server stored them all, exactly
        #expect(stored == 10_000)
        let row = try db.query("SELECT body, n, data FROM note WHERE id = 4321")[0]
        #expect(row["body"] == .text("row 4321\t\\ \n 한 🩺"))
        #expect(row["n"] == .int(4321))
        #expect(row["data"] == .bytes([UInt8(4321 % 256), 0]))
        #expect(try db.scalar("SELECT count(*) FROM note WHERE n IS NULL") == .int(5_000))
    }

    @Test func aCopyThatBreaksAConstraintFailsWithItsSQLStateAndStoresNothing() throws {
        let error = #expect(throws: ClinicError.self) {
            try db.copyIn("COPY note (id, body) FROM STDIN") { writer in
                try writer.row([1, "same"])
                try writer.row([2, "same"])
            }
        }
        #expect(error?.sqlState == "23505")
        #expect(try db.scalar("SELECT count(*) FROM note") == .int(0))
    }

    @Test func listenAndNotifyBetweenTwoConnections() throws {
        // Given a second connection listening on a channel
        let listener = try database.connect()
        try listener.listen("schedule changed")
        #expect(try listener.notifications(waitingUpTo: 0).isEmpty)
        // When the first notifies inside a transaction, and once outside
        try db.transaction { tx in try tx.notify("schedule changed", "doctor 7 · 월요일") }
        try db.notify("schedule changed", "second")
        // Then the listener receives both, in order, from the sender's backend
        var received = try listener.notifications(waitingUpTo: 10)
        if received.count < 2 { received += try listener.notifications(waitingUpTo: 10) }
        #expect(received.map(\.payload) == ["doctor 7 · 월요일", "second"])
        #expect(received.allSatisfy { $0.channel == "schedule changed" && $0.senderPID == db.backendPID })
    }

    @Test func aMultiHostURLSkipsADeadFirstHostAndReachesTheLiveOne() throws {
        // Given a port nothing listens on, and the live server
        let dead = try PostgresBinaries.freeLoopbackPort()
        let live = try PostgresCluster.server().port
        // When connecting with both, the dead one first, asking for a read-write server
        let conninfo =
            "host=127.0.0.1,127.0.0.1 port=\(dead),\(live) user=clinic dbname=\(database.name) "
            + "target_session_attrs=read-write connect_timeout=5"
        let viaString = try PostgresConnection(conninfo)
        let url = "postgresql://clinic@127.0.0.1:\(dead),127.0.0.1:\(live)/\(database.name)?target_session_attrs=read-write"
        let viaURL = try PostgresConnection(url)
        // Then both reach the live one
        #expect(viaString.port == String(live))
        #expect(viaURL.port == String(live))
        #expect(try viaURL.scalar("SELECT 1") == .int(1))
        // And with only the dead host, the refusal names the reason
        let refused = #expect(throws: ClinicError.self) { try PostgresConnection("host=127.0.0.1 port=\(dead) connect_timeout=5") }
        #expect(refused?.code == .invalidInput)
        #expect(refused?.message.contains("cannot connect to PostgreSQL") == true)
    }
}
