import GRDB

/// One change to a doctor's schedule or the clinic's: time off or a closure
/// added or removed, hours replaced; who, when, through what, and what.
public struct ScheduleEvent: Sendable, Equatable {
    /// What was done.
    public enum Action: String, Sendable, Codable {
        case timeOffAdded = "time_off_added", timeOffRemoved = "time_off_removed"
        case closureAdded = "closure_added", closureRemoved = "closure_removed"
        case hoursSet = "hours_set"
    }

    public let at: Int64
    public let actorID: Int64?
    /// The actor's name when the account still exists, else its role.
    public let actor: String
    public let via: Actor.Via
    /// The doctor (nil: the whole clinic).
    public let doctorID: Int64?
    public let action: Action
    /// The stretch as entered and its note, the hours, the visits it cancelled.
    public let detail: String
}

extension ClinicStore {
    /// A doctor's schedule changes (nil: the clinic's closures), newest first, as `viewer` may see them
    /// (a doctor's: the doctor, the desk, admins; the clinic's: admins, as they name the visits a closure cancelled).
    public func scheduleEvents(doctorID: Int64?, limit: Int = 50, by viewer: Actor) throws -> [ScheduleEvent] {
        if let doctorID {
            try Policy.decide(.viewTimeOff, by: viewer, facts: ScheduleFacts(doctorID: doctorID)).enforce()
        } else {
            try Policy.decide(.manageClosures, by: viewer).enforce()
        }
        return try pool.read { db in
            try StoreRow.fetchAll(
                db,
                sql: """
                    SELECT e.at, e.actor_id, COALESCE(a.name, e.actor_role) AS actor, e.via, e.doctor_id, e.action, e.detail
                    FROM schedule_event e LEFT JOIN account a ON a.id = e.actor_id
                    WHERE e.doctor_id IS ? ORDER BY e.id DESC LIMIT ?
                    """, arguments: [doctorID, limit]
            ).map { row in
                ScheduleEvent(
                    at: row["at"], actorID: row["actor_id"], actor: row["actor"], via: try row.decode(forColumn: "via"),
                    doctorID: row["doctor_id"], action: try row.decode(forColumn: "action"), detail: row["detail"])
            }
        }
    }

    /// Records a schedule change inside the change's own transaction.
    static func recordScheduleEvent(
        _ action: ScheduleEvent.Action, doctorID: Int64?, detail: String, by actor: Actor, at now: Int64, _ db: StoreConnection
    ) throws {
        try db.execute(
            sql: "INSERT INTO schedule_event (at, actor_id, actor_role, via, doctor_id, action, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [now, actor.accountID, actor.auditRole, actor.via.rawValue, doctorID, action.rawValue, detail])
    }
}
