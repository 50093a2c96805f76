import HTTPTypes
import Hummingbird

/// `/api/v1/appointments…`: book, list, read, and move through the status
/// machine. The store decides every refusal; a patient asking for someone
/// else's appointment (or one that does not exist) learns nothing about it.
extension APIRoutes {
    func addAppointmentRoutes(to router: Router<ListenerRequestContext>) {
        let path = "\(Self.base)/appointments"
        router.post(RouterPath(stringLiteral: path)) { request, _ in
            await answer(request) { try await book(request) }
        }
        router.get(RouterPath(stringLiteral: path)) { request, _ in
            await answer(request) { try await list(request) }
        }
        router.get("\(path)/:id") { request, context in
            await answer(request) {
                let (_, actor) = try await signedIn(request)
                let code = context.parameters.get("id") ?? ""
                return try await appointmentResponse { store in try store.appointment(code: code, viewer: actor) }
            }
        }
        let moves: [(String, AppointmentStatus)] = [
            ("confirm", .confirmed), ("cancel", .cancelled), ("complete", .completed), ("check-in", .checkedIn),
        ]
        for (name, target) in moves {
            router.patch("\(path)/:id/\(name)") { request, context in
                await answer(request) {
                    let (_, actor) = try await signedIn(request)
                    let code = context.parameters.get("id") ?? ""
                    let note = try await JSONBody.read(request, optional: true).string("note") ?? ""
                    return try await appointmentResponse { store in
                        let a = try store.appointment(code: code, viewer: actor)
                        return try store.transition(code: a.code, to: target, by: actor, note: note)
                    }
                }
            }
        }
        router.patch("\(path)/:id/move") { request, context in
            await answer(request) {
                let (_, actor) = try await signedIn(request)
                let code = context.parameters.get("id") ?? ""
                let body = try await JSONBody.read(request)
                let start = try Self.instant(try body.string("start", required: true)!, "start")
                let doctorID = try body.id("doctorId")
                return try await appointmentResponse { store in
                    let a = try store.appointment(code: code, viewer: actor)
                    return try store.reschedule(code: a.code, to: start, doctorID: doctorID, by: actor)
                }
            }
        }
    }

    /// An ISO 8601 instant with an offset, as unix seconds.
    static func instant(_ text: String, _ name: String) throws -> Int64 {
        guard let date = ISO8601Parsing.parse(text) else {
            throw APIError.invalidInput("\(name) must be an ISO 8601 time with an offset, such as 2026-03-03T09:00:00-05:00")
        }
        return Int64(date.timeIntervalSince1970.rounded(.down))
    }

    /// Runs `work` on the store and answers its appointment as JSON.
    func appointmentResponse(status: HTTPTypes.HTTPResponse.Status = .ok, _ work: @escaping @Sendable (ClinicStore) throws -> Appointment) async throws
        -> Response
    {
        let data = try await Blocking.run { [store] in
            let appointment = try work(store)
            return APIResponse.encode(APIViews.appointment(appointment, zone: try store.settings().timeZone))
        }
        return APIResponse.json(data: data, status: status)
    }

    private func book(_ request: Request) async throws -> Response {
        let (account, actor) = try await signedIn(request)
        let body = try await JSONBody.read(request)
        let doctorID = try body.id("doctorId", required: true)!
        let start = try Self.instant(try body.string("start", required: true)!, "start")
        let reason = try body.string("reason") ?? ""
        let overrideReason = try body.string("overrideReason") ?? ""
        let patientID: Int64
        if account.role == .patient {
            patientID = try body.id("patientId") ?? account.id
        } else {
            guard let id = try body.id("patientId") else { throw APIError.invalidInput("patientId is required when staff book") }
            patientID = id
        }
        let (booked, zone) = try await bookings.submit(
            (BookingRequest(doctorID: doctorID, patientID: patientID, start: start, reason: reason, overrideReason: overrideReason), actor))
        return APIResponse.json(APIViews.appointment(booked, zone: zone), status: .created)
    }

    private func list(_ request: Request) async throws -> Response {
        let (account, _) = try await signedIn(request)
        let limit = try Self.query(request, "limit") { Int($0).flatMap { (1...500).contains($0) ? $0 : nil } } ?? 100
        let status = try Self.query(request, "status", AppointmentStatus.init(rawValue:))
        let month = try Self.query(request, "month") { text -> LocalDate? in
            let parts = text.split(separator: "-")
            guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let m = Int(parts[1]) else { return nil }
            return LocalDate(year: y, month: m, day: 1)
        }
        _ = try Self.query(request, "role") { ["patient", "doctor"].contains($0) ? $0 : nil }
        var filter = AppointmentFilter(status: status, limit: limit)
        switch account.role {
        case .patient: filter.patientID = account.id
        case .doctor: filter.doctorID = account.id
        case .receptionist, .admin:
            filter.doctorID = try Self.query(request, "doctorId") { Int64($0) }
            filter.patientID = try Self.query(request, "patientId") { Int64($0) }
        }
        let data = try await Blocking.run { [store, filter] in
            var filter = filter
            let zone = try store.settings().timeZone
            if let month {
                filter.from = zone.startOfDay(month)
                let next = month.month == 12 ? LocalDate(year: month.year + 1, month: 1, day: 1)! : LocalDate(year: month.year, month: month.month + 1, day: 1)!
                filter.to = zone.startOfDay(next)
            }
            return APIResponse.encode(try store.appointments(filter).map { APIViews.appointment($0, zone: zone) })
        }
        return APIResponse.json(data: data)
    }
}
