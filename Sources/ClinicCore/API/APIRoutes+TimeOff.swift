import Hummingbird

/// A doctor's time off and the clinic's closure days: list, preview the
/// booked visits a stretch covers, add it (cancelling them when asked:
/// a sick day, a holiday), remove it. Admins; the store asks the policy.
extension APIRoutes {
    func addTimeOffRoutes(to router: Router<ListenerRequestContext>) {
        let doctor = "\(Self.base)/doctors/:doctorId/time-off"
        let closures = "\(Self.base)/closures"
        router.get(RouterPath(stringLiteral: doctor)) { request, context in
            await answer(request) { try await list(request, .doctor(try Self.accountID(context, "doctorId"))) }
        }
        router.get(RouterPath(stringLiteral: closures)) { request, _ in
            await answer(request) { try await list(request, .clinic) }
        }
        router.post(RouterPath(stringLiteral: doctor)) { request, context in
            await answer(request) { try await add(request, .doctor(try Self.accountID(context, "doctorId"))) }
        }
        router.post(RouterPath(stringLiteral: closures)) { request, _ in
            await answer(request) { try await add(request, .clinic) }
        }
        router.delete(RouterPath(stringLiteral: doctor + "/:id")) { request, context in
            await answer(request) { try await remove(request, .doctor(try Self.accountID(context, "doctorId")), context) }
        }
        router.delete(RouterPath(stringLiteral: closures + "/:id")) { request, context in
            await answer(request) { try await remove(request, .clinic, context) }
        }
    }

    /// A doctor's time off (the doctor, the desk, admins), or the closure days (anyone signed in: the clinic's opening is no secret).
    private func list(_ request: Request, _ scope: TimeOffScope) async throws -> Response {
        let (_, actor) = try await signedIn(request)
        let data = try await Blocking.run { [store] in
            let zone = try store.settings().timeZone
            let entries = try scope.doctorID.map { try store.timeOff(doctorID: $0, by: actor) } ?? store.closures()
            return APIResponse.encode(entries.map { APIViews.timeOff($0, zone: zone) })
        }
        return APIResponse.json(data: data)
    }

    /// `{from, to, note?, cancelBooked?, preview?}`: `from` / `to` are local
    /// days (`YYYY-MM-DD`, the "to" day included) or ISO 8601 instants.
    private func add(_ request: Request, _ scope: TimeOffScope) async throws -> Response {
        let (_, actor) = try await signedIn(request)
        let body = try await JSONBody.read(request)
        let from = try body.string("from", required: true)!, to = try body.string("to", required: true)!
        let note = try body.string("note") ?? ""
        let cancelBooked = try body.bool("cancelBooked") ?? false
        let preview = try body.bool("preview") ?? false
        let (data, created) = try await Blocking.run { [store] in
            let zone = try store.settings().timeZone
            let start = try Self.bound(from, "from", zone, dayEnd: false), end = try Self.bound(to, "to", zone, dayEnd: true)
            if preview {
                let covered = try store.timeOffImpact(scope, from: start, to: end, by: actor)
                return (APIResponse.encode(["wouldCancel": covered.map { APIViews.appointment($0, zone: zone) }]), false)
            }
            let outcome = try store.addTimeOff(scope, from: start, to: end, note: note, cancelBooked: cancelBooked, by: actor)
            let answer: [String: Any] = [
                "timeOff": APIViews.timeOff(outcome.timeOff, zone: zone),
                "cancelled": outcome.cancelled.map { APIViews.appointment($0, zone: zone) },
            ]
            return (APIResponse.encode(answer), true)
        }
        return APIResponse.json(data: data, status: created ? .created : .ok)
    }

    private func remove(_ request: Request, _ scope: TimeOffScope, _ context: ListenerRequestContext) async throws -> Response {
        let (_, actor) = try await signedIn(request)
        guard let id = context.parameters.get("id").flatMap({ Int64($0) }) else {
            throw APIError(.notFound, "not_found", "no such time off")
        }
        let data = try await Blocking.run { [store] in
            let gone = try scope.doctorID.map { try store.removeTimeOff(id: id, doctorID: $0, by: actor) } ?? store.removeClosure(id: id, by: actor)
            return APIResponse.encode(["removed": APIViews.timeOff(gone, zone: try store.settings().timeZone)])
        }
        return APIResponse.json(data: data)
    }

    /// A stretch's bound: a local day (its start; for `to`, the next day's, so the day is included) or an ISO 8601 instant.
    static func bound(_ text: String, _ name: String, _ zone: ClinicTimeZone, dayEnd: Bool) throws -> Int64 {
        if let day = LocalDate(text) { return zone.startOfDay(dayEnd ? day.adding(days: 1) : day) }
        guard let date = ISO8601Parsing.parse(text) else {
            throw APIError.invalidInput("\(name) must be a day (YYYY-MM-DD) or an ISO 8601 time with an offset")
        }
        return Int64(date.timeIntervalSince1970.rounded(.down))
    }
}
