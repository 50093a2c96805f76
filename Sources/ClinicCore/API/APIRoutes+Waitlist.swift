import Hummingbird

/// The waitlist: who waits for an earlier visit, a patient joining (or the
/// desk putting them on it), leaving it, and the desk's offer by hand. A
/// freed slot is offered by SMS (`TAKE <code>`); the store asks the policy.
extension APIRoutes {
    func addWaitlistRoutes(to router: Router<ListenerRequestContext>) {
        let base = "\(Self.base)/waitlist"
        router.get(RouterPath(stringLiteral: base)) { request, _ in
            await answer(request) {
                let (_, actor) = try await signedIn(request)
                let doctorID = try Self.query(request, "doctorId") { Int64($0).flatMap { $0 > 0 ? $0 : nil } }
                let patientID = try Self.query(request, "patientId") { Int64($0).flatMap { $0 > 0 ? $0 : nil } }
                let all = try Self.query(request, "all", Self.flag) ?? false
                let data = try await Blocking.run { [store] in
                    let zone = try store.settings().timeZone
                    let entries = try store.waitlist(doctorID: doctorID, patientID: patientID, includeClosed: all, by: actor)
                    return APIResponse.encode(entries.map { APIViews.waitlistEntry($0, zone: zone) })
                }
                return APIResponse.json(data: data)
            }
        }
        router.post(RouterPath(stringLiteral: base)) { request, _ in
            await answer(request) {
                let (account, actor) = try await signedIn(request)
                let body = try await JSONBody.read(request)
                let patientID = try body.id("patientId") ?? account.id
                let doctorID = try body.id("doctorId"), specialization = try body.string("specialization")
                guard (doctorID == nil) != (specialization == nil) else {
                    throw APIError.invalidInput("give doctorId or specialization (one of them)")
                }
                let from = try Self.day(body.string("from", required: true)!, "from")
                let to = try Self.day(body.string("to", required: true)!, "to")
                let reason = try body.string("reason") ?? ""
                let target: WaitlistTarget = doctorID.map { .doctor($0) } ?? .specialization(specialization ?? "")
                let data = try await Blocking.run { [store] in
                    let entry = try store.joinWaitlist(
                        WaitlistRequest(patientID: patientID, target: target, from: from, to: to, reason: reason), by: actor)
                    return APIResponse.encode(APIViews.waitlistEntry(entry, zone: try store.settings().timeZone))
                }
                return APIResponse.json(data: data, status: .created)
            }
        }
        router.delete(RouterPath(stringLiteral: base + "/:id")) { request, context in
            await answer(request) {
                let (_, actor) = try await signedIn(request)
                let id = try Self.pathID(context, missing: "no such waitlist entry")
                let data = try await Blocking.run { [store] in
                    let entry = try store.removeFromWaitlist(id: id, by: actor)
                    return APIResponse.encode(["removed": APIViews.waitlistEntry(entry, zone: try store.settings().timeZone)])
                }
                return APIResponse.json(data: data)
            }
        }
        router.post(RouterPath(stringLiteral: base + "/:id/offer")) { request, context in
            await answer(request) {
                let (_, actor) = try await signedIn(request)
                let id = try Self.pathID(context, missing: "no such waitlist entry")
                let body = try await JSONBody.read(request, optional: true)
                let doctorID = try body.id("doctorId"), start = try body.string("start")
                let data = try await Blocking.run { [store] in
                    let zone = try store.settings().timeZone
                    let instant = try start.map { text -> Int64 in
                        guard let date = ISO8601Parsing.parse(text) else {
                            throw APIError.invalidInput("start must be an ISO 8601 time with an offset")
                        }
                        return Int64(date.timeIntervalSince1970.rounded(.down))
                    }
                    let offer = try store.offerWaitlistSlot(entryID: id, doctorID: doctorID, start: instant, by: actor)
                    return APIResponse.encode(APIViews.waitlistOffer(offer, zone: zone))
                }
                return APIResponse.json(data: data, status: .created)
            }
        }
    }

    /// A local day, `YYYY-MM-DD`.
    private static func day(_ text: String, _ name: String) throws -> LocalDate {
        guard let day = LocalDate(text) else { throw APIError.invalidInput("\(name) must be a day (YYYY-MM-DD)") }
        return day
    }
}

extension APIViews {
    /// A waitlist entry: who, for whom, which days, its place in line and the offer it has open.
    static func waitlistEntry(_ e: WaitlistEntry, zone: ClinicTimeZone) -> [String: Any] {
        [
            "id": String(e.id), "patientId": String(e.patient.id), "patientName": e.patient.name,
            "doctorId": e.doctor.map { String($0.id) } ?? null, "doctorName": e.doctor?.name ?? null,
            "specialization": e.specialization ?? null, "from": e.from.description, "to": e.to.description, "reason": e.reason,
            "state": e.state.rawValue, "position": e.position ?? null, "offers": e.offers,
            "offer": e.openOffer.map { waitlistOffer($0, zone: zone) } ?? null,
            "appointmentCode": e.appointmentCode ?? null, "createdAt": zone.iso8601(e.createdAt),
        ]
    }

    /// An offer of a freed slot: its code (for `TAKE`), the slot, until when, how it ended.
    static func waitlistOffer(_ o: WaitlistOffer, zone: ClinicTimeZone) -> [String: Any] {
        [
            "id": String(o.id), "code": o.code, "entryId": String(o.entryID), "doctorId": String(o.doctor.id),
            "doctorName": o.doctor.name, "start": zone.iso8601(o.start), "end": zone.iso8601(o.end), "state": o.state.rawValue,
            "offeredAt": zone.iso8601(o.offeredAt), "expiresAt": zone.iso8601(o.expiresAt), "byHand": o.offeredBy != nil,
            "outcome": o.outcome ?? null,
        ]
    }
}
