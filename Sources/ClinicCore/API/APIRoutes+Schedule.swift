import Hummingbird

/// A doctor's slots on a day, and the statistics.
extension APIRoutes {
    func addScheduleRoutes(to router: Router<ListenerRequestContext>) {
        for path in ["\(Self.base)/appointments/slots/:doctorId", "\(Self.base)/doctors/:doctorId/slots"] {
            router.get(RouterPath(stringLiteral: path)) { request, context in
                await answer(request) { try await slots(request, context) }
            }
        }
        router.get("\(Self.base)/appointments/stats/doctor/:doctorId") { request, context in
            await answer(request) { try await stats(request, doctorID: try Self.accountID(context, "doctorId")) }
        }
        router.get("\(Self.base)/appointments/stats/clinic") { request, _ in
            await answer(request) { try await stats(request, doctorID: nil) }
        }
    }

    private func slots(_ request: Request, _ context: ListenerRequestContext) async throws -> Response {
        let (_, actor) = try await signedIn(request)
        let doctorID = try Self.accountID(context, "doctorId")
        guard let date = try Self.query(request, "date", LocalDate.init) else { throw APIError.invalidInput("date is required (YYYY-MM-DD)") }
        let day = try Blocking.inline { try store.slots(doctorID: doctorID, on: date, viewer: actor) }
        return APIResponse.bytes(APIViews.slots(day), type: APIResponse.jsonType)
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
