import Hummingbird

/// A doctor's slots on a day, the earliest free slots across doctors, and the statistics.
extension APIRoutes {
    func addScheduleRoutes(to router: Router<ListenerRequestContext>) {
        for path in ["\(Self.base)/appointments/slots/:doctorId", "\(Self.base)/doctors/:doctorId/slots"] {
            router.get(RouterPath(stringLiteral: path)) { request, context in
                await answer(request) { try await slots(request, context) }
            }
        }
        router.get("\(Self.base)/slots/next") { request, _ in
            await answer(request) { try await nextSlots(request) }
        }
        router.get("\(Self.base)/appointments/stats/doctor/:doctorId") { request, context in
            await answer(request) { try await stats(request, doctorID: try Self.accountID(context, "doctorId")) }
        }
        router.get("\(Self.base)/appointments/stats/clinic") { request, _ in
            await answer(request) { try await stats(request, doctorID: nil) }
        }
    }

    private func slots(_ request: Request, _ context: ListenerRequestContext) async throws -> Response {
        let (_, actor, version) = try signedInAt(request)
        let doctorID = try Self.accountID(context, "doctorId")
        guard let date = try Self.query(request, "date", LocalDate.init) else { throw APIError.invalidInput("date is required (YYYY-MM-DD)") }
        let day = try slotDays.day(doctorID: doctorID, on: date, version: version) {
            try Blocking.inline { try store.slotDay(doctorID: doctorID, on: date) }
        }
        return APIResponse.bytes(APIViews.slots(day.seen(by: actor, now: store.nowSeconds)), type: APIResponse.jsonType)
    }

    /// `GET /slots/next?specialization=&doctorId=&from=&limit=`: the earliest
    /// free slots (`ClinicStore.nextFreeSlots`), `[{doctorId, doctorName,
    /// specialization, start, end}]`; an empty list when the horizon ran out.
    private func nextSlots(_ request: Request) async throws -> Response {
        _ = try await signedIn(request)
        let specialization = request.uri.queryParameters["specialization"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let doctorID = try Self.query(request, "doctorId") { Int64($0).flatMap { $0 > 0 ? $0 : nil } }
        guard specialization == nil || doctorID == nil else { throw APIError.invalidInput("give specialization or doctorId, not both") }
        let from = try Self.query(request, "from", LocalDate.init)
        let limit = try Self.query(request, "limit") { Int($0).flatMap { (1...ClinicStore.nextFreeSlotsMaxLimit).contains($0) ? $0 : nil } } ?? 5
        let scope: SlotSearchScope = doctorID.map { .doctor($0) } ?? specialization.map { .specialization($0) } ?? .anyDoctor
        let found = try await Blocking.run { [store] in try store.nextFreeSlots(scope, from: from, limit: limit) }
        return APIResponse.json(found.entries.map { APIViews.freeSlot($0, zone: found.timeZone) })
    }

    private func stats(_ request: Request, doctorID: Int64?) async throws -> Response {
        let (_, actor) = try await signedIn(request)
        let grouping = try Self.query(request, "groupBy", StatsGrouping.init(rawValue:)) ?? .month
        let limit = try Self.query(request, "limit") { Int($0).flatMap { (1...500).contains($0) ? $0 : nil } } ?? 12
        let data = try await Blocking.run { [store] in
            let stats = try store.stats(doctorID: doctorID, grouping: grouping, limit: limit, by: actor)
            var out: [String: Any] = [
                "totalAppointments": stats.overall.total,
                "stats": stats.periods.map { APIViews.period($0, zone: stats.timeZone) },
            ]
            if let doctorID { out["doctorId"] = String(doctorID) } else { out["noShowRate"] = stats.overall.noShowRate ?? APIViews.null }
            return APIResponse.encode(out)
        }
        return APIResponse.json(data: data)
    }
}
