import Hummingbird

/// `GET /api/v1/day-sheet?date=YYYY-MM-DD&doctorId=&format=text|csv|ics|json`:
/// the day sheet as the CLI's `clinic day` writes it, for the desk and
/// admins (every doctor, or one) and for a doctor (their own only).
extension APIRoutes {
    func addDaySheetRoutes(to router: Router<ListenerRequestContext>) {
        router.get("\(Self.base)/day-sheet") { request, _ in
            await answer(request) { try await daySheet(request) }
        }
    }

    private func daySheet(_ request: Request) async throws -> Response {
        let (_, actor) = try await signedIn(request)
        guard let date = try Self.query(request, "date", LocalDate.init) else { throw APIError.invalidInput("date is required (YYYY-MM-DD)") }
        let doctorID = try Self.query(request, "doctorId") { Int64($0).flatMap { $0 > 0 ? $0 : nil } }
        let format = try Self.query(request, "format") { DaySheetFormat(rawValue: $0.lowercased()) } ?? .json
        // A whole clinic's day is thousands of rows: off the listener's threads.
        let bytes = try await Blocking.run { [store] in
            let sheet = try store.daySheet(on: date, doctorID: doctorID, by: actor)
            return format.render(sheet, ids: .strings)
        }
        return APIResponse.bytes(bytes, type: format.contentType)
    }
}
