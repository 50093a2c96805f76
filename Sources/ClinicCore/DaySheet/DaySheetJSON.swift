/// The day sheet as JSON: `{"clinic", "date", "timezone", "doctors": [{"id",
/// "name", "specialization", "active", "working", "appointments": [{"code",
/// "status", "start", "end", "time", "reason", "doctor": {…}, "patient":
/// {"id", "name", "email", "phone"}}]}]}`, each appointment as `clinic
/// appointments --json` writes it plus its local `time`. Ids are numbers for
/// the CLI and strings for the API (whose ids are opaque strings).
public enum DaySheetJSON {
    /// How ids are written.
    public enum IDs: Sendable { case numbers, strings }

    /// The JSON document's bytes (keys sorted).
    public static func bytes(_ sheet: DaySheet, ids: IDs) -> [UInt8] {
        JSONText.encode(object(sheet, ids: ids))
    }

    static func object(_ sheet: DaySheet, ids: IDs) -> [String: Any] {
        let zone = sheet.timeZone
        var times = DaySheetTimes(zone)
        func id(_ n: Int64) -> Any { ids == .numbers ? n as Any : String(n) as Any }
        func party(_ p: Appointment.Party) -> [String: Any] {
            ["id": id(p.id), "name": p.name, "email": p.email ?? APIViews.null, "phone": p.phone ?? APIViews.null]
        }
        return [
            "clinic": sheet.clinicName, "date": sheet.date.description, "timezone": zone.identifier,
            "doctors": sheet.doctors.map { d -> [String: Any] in
                [
                    "id": id(d.id), "name": d.name, "specialization": d.specialization, "active": d.active, "working": d.works,
                    "appointments": d.visits.map { a -> [String: Any] in
                        [
                            "code": a.code, "status": a.status.rawValue, "start": times.iso8601(a.start), "end": times.iso8601(a.end),
                            "time": times.time(a.start), "reason": a.reason, "doctor": party(a.doctor), "patient": party(a.patient),
                        ]
                    },
                ]
            },
        ]
    }
}
