import Foundation

/// The API's JSON objects (the contract's User, Appointment, Tokens …), as
/// `JSONSerialization` values. Ids are strings; instants ISO 8601 with the
/// clinic's offset. An appointment's id is its code: opaque to clients,
/// and the one every other front end already uses.
enum APIViews {
    static let null = NSNull()

    static func appointment(_ a: Appointment, zone: ClinicTimeZone) -> [String: Any] {
        [
            "id": a.code, "code": a.code, "doctorId": String(a.doctor.id), "patientId": String(a.patient.id),
            "doctorName": a.doctor.name, "patientName": a.patient.name,
            "start": zone.iso8601(a.start), "end": zone.iso8601(a.end), "status": a.status.rawValue,
            "reason": a.reason, "createdAt": zone.iso8601(a.createdAt), "createdBy": a.createdBy.map { String($0) } ?? null,
        ]
    }

    /// A user as `viewer` may see them: a patient's details for themselves
    /// and staff, a doctor's bookable profile and weekly hours.
    static func user(_ account: Account, store: ClinicStore, viewer: Actor) throws -> [String: Any] {
        var out: [String: Any] = [
            "id": String(account.id), "role": account.role.rawValue, "name": account.name,
            "email": account.email ?? null, "phone": account.phone ?? null, "birthDate": null, "age": null, "gender": null,
            "notes": null, "photoUrl": null, "doctorProfile": null,
        ]
        if let photo = try store.photoID(accountID: account.id) { out["photoUrl"] = "/api/v1/photos/\(photo)" }
        if account.role == .patient, let profile = try? store.patientProfile(accountID: account.id, viewer: viewer) {
            out["birthDate"] = profile.birthDate?.description ?? null
            out["age"] = try profile.age(on: store.localToday()) ?? null
            out["gender"] = profile.gender ?? null
            out["notes"] = profile.notes
        }
        if account.role == .doctor {
            let profile = try store.doctorProfile(account.id)
            out["doctorProfile"] = [
                "specialization": profile.specialization, "slotDurationMin": profile.slotMinutes,
                "weeklySchedule": weeklySchedule(try store.hours(doctorID: account.id)),
            ]
        }
        return out
    }

    /// A stretch of time off or a closure: its id, the instants, the span as entered.
    static func timeOff(_ t: TimeOff, zone: ClinicTimeZone) -> [String: Any] {
        [
            "id": String(t.id), "doctorId": t.doctorID.map { String($0) } ?? null, "from": zone.iso8601(t.start),
            "to": zone.iso8601(t.end), "span": t.span(in: zone), "note": t.note,
        ]
    }

    static func weeklySchedule(_ hours: WeeklyHours) -> [[String: Any]] {
        Weekday.allCases.flatMap { day in
            (hours.days[day] ?? []).map { i in
                [
                    "weekday": day.shortName, "start": LocalTime(minutes: i.start)?.description ?? "24:00",
                    "end": LocalTime(minutes: i.end)?.description ?? "24:00",
                ]
            }
        }
    }

    static func tokens(_ t: APITokens, user: [String: Any]?) -> [String: Any] {
        var out: [String: Any] = [
            "access_token": t.accessToken, "refresh_token": t.refreshToken, "token_type": "bearer", "expires_in": t.expiresIn,
        ]
        if let user { out["user"] = user }
        return out
    }

    /// One of the earliest free slots: `{doctorId, doctorName, specialization, start, end}`.
    static func freeSlot(_ e: NextFreeSlots.Entry, zone: ClinicTimeZone) -> [String: Any] {
        [
            "doctorId": String(e.doctor.id), "doctorName": e.doctor.name, "specialization": e.doctor.specialization,
            "start": zone.iso8601(e.slot.start), "end": zone.iso8601(e.slot.end),
        ]
    }

    static func period(_ p: StatsPeriod, zone: ClinicTimeZone) -> [String: Any] {
        var out: [String: Any] = [
            "period": p.label, "start": zone.iso8601(p.start), "end": zone.iso8601(p.end), "count": p.counts.total,
            "offeredSlots": p.offeredSlots, "utilisation": p.utilisation ?? null,
        ]
        for status in AppointmentStatus.allCases { out[status.rawValue] = p.counts.byStatus[status] ?? 0 }
        return out
    }
}

extension APIViews {
    /// A doctor's day as `GET …/slots` answers it: `[{appointmentId, available,
    /// end, start}]`, keys sorted as `JSONText` writes them. Written straight
    /// into bytes: the busiest read route spent a third of its time building
    /// and casting dictionaries (`APIViewsTests` holds it equal to the generic form).
    static func slots(_ day: DaySlots) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(2 + day.entries.count * 112)
        out.append(UInt8(ascii: "["))
        for (i, entry) in day.entries.enumerated() {
            JSONText.raw(i == 0 ? "{\"appointmentId\":" : ",{\"appointmentId\":", into: &out)
            if let code = entry.code { JSONText.string(code, into: &out) } else { JSONText.raw("null", into: &out) }
            JSONText.raw(entry.free ? ",\"available\":true,\"end\":\"" : ",\"available\":false,\"end\":\"", into: &out)
            day.timeZone.local(entry.slot.end).write(into: &out)
            JSONText.raw("\",\"start\":\"", into: &out)
            day.timeZone.local(entry.slot.start).write(into: &out)
            JSONText.raw("\"}", into: &out)
        }
        out.append(UInt8(ascii: "]"))
        return out
    }
}
