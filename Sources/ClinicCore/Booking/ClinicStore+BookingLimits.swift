import GRDB

/// The clinic's booking limits (settings): at most so many visits to come per
/// patient, and one per doctor per day for a patient booking themselves.
struct BookingLimits {
    /// 0: no limit.
    var maxActive: Int
    var onePerDoctorDay: Bool
}

extension ClinicStore {
    /// The audit note of a booking over the limits, nil when it keeps them.
    /// Only staff may give a reason (`bookOverLimits`).
    static func overrideNote(_ request: BookingRequest, by actor: Actor) throws -> String? {
        let reason = try StoredText.checked(request.overrideReason, what: "the reason to book over the limits", limit: 500)
        guard !reason.isEmpty else { return nil }
        try Policy.decide(.bookOverLimits, by: actor, facts: ScheduleFacts(doctorID: request.doctorID, patientID: request.patientID)).enforce()
        return "booked over the limits: \(reason)"
    }

    /// Refuses (`conflict`) a patient's own booking or move that would give them
    /// a second active visit with `doctorID` on the slot's local day (`excluding`: the visit being moved).
    static func checkOnePerDoctorDay(
        patientID: Int64, doctorID: Int64, slot: Slot, zone: ClinicTimeZone, excluding: Int64 = 0, _ db: StoreConnection
    ) throws {
        let day = zone.local(slot.start).date
        let same = try String.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT code FROM appointment WHERE patient_id = ? AND doctor_id = ? AND start_at >= ? AND start_at < ?
                    AND id <> ? AND status IN \(AppointmentStatus.activeSQL) LIMIT 1
                    """),
            arguments: [patientID, doctorID, zone.startOfDay(day), zone.startOfDay(day.adding(days: 1)), excluding])
        if let same {
            throw ClinicError(
                .conflict, "you already have a visit with this doctor that day (\(same)); move it instead, or ask the desk",
                field: .overrideReason)
        }
    }

    /// Refuses (`conflict`, field `overrideReason`) a booking over the limits:
    /// the patient's visits to come are as many as the clinic allows, or a
    /// patient booking themselves already has one with this doctor that day.
    static func checkLimits(
        _ limits: BookingLimits, _ request: BookingRequest, slot: Slot, zone: ClinicTimeZone, by actor: Actor, now: Int64,
        excluding: Int64 = 0, _ db: StoreConnection
    ) throws {
        let selfService = actor.role == .patient
        if limits.onePerDoctorDay, selfService {
            try checkOnePerDoctorDay(
                patientID: request.patientID, doctorID: request.doctorID, slot: slot, zone: zone, excluding: excluding, db)
        }
        guard limits.maxActive > 0 else { return }
        let coming = try String.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT code FROM appointment WHERE patient_id = ? AND start_at > ? AND id <> ? AND status IN \(AppointmentStatus.activeSQL)
                    ORDER BY start_at LIMIT ?
                    """), arguments: [request.patientID, now, excluding, limits.maxActive])
        guard coming.count >= limits.maxActive else { return }
        let codes = coming.joined(separator: ", ")
        throw ClinicError(
            .conflict,
            selfService
                ? "you already have \(coming.count) visits to come (\(codes)), as many as the clinic allows; cancel one first, or ask the desk"
                : "the patient already has \(coming.count) visits to come (\(codes)), as many as the clinic allows; "
                    + "give a reason to book over the limit",
            field: .overrideReason)
    }
}
