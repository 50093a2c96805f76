import Foundation
import Hummingbird

/// The desk's SMS: the outgoing log and patients' replies (`GET`), sending a
/// failed message again (`POST …/messages/{id}/retry`) and marking a flagged
/// reply handled (`POST …/replies/{id}/handled`). The desk and admins; the
/// store asks the policy for the writes, the routes for the lists.
extension APIRoutes {
    func addSMSRoutes(to router: Router<ListenerRequestContext>) {
        router.get("\(Self.base)/sms/messages") { request, _ in
            await answer(request) {
                let (_, actor) = try await signedIn(request)
                try Policy.decide(.retrySMS, by: actor).enforce()
                let failed = try Self.query(request, "failed") { Self.flag($0) } ?? false
                let limit = try Self.query(request, "limit") { Int($0).flatMap { (1...500).contains($0) ? $0 : nil } } ?? 100
                let data = try await Blocking.run { [store] in
                    let zone = try store.settings().timeZone
                    let list = try store.smsLog(SMSLogFilter(failedOnly: failed, limit: limit))
                    let owners = try store.phoneOwners(list.map(\.to))
                    return APIResponse.encode(list.map { APIViews.smsMessage($0, owner: owners[$0.to], zone: zone) })
                }
                return APIResponse.json(data: data)
            }
        }
        router.get("\(Self.base)/sms/replies") { request, _ in
            await answer(request) {
                let (_, actor) = try await signedIn(request)
                try Policy.decide(.handleReplies, by: actor).enforce()
                let flagged = try Self.query(request, "flagged") { Self.flag($0) } ?? false
                let limit = try Self.query(request, "limit") { Int($0).flatMap { (1...500).contains($0) ? $0 : nil } } ?? 100
                let data = try await Blocking.run { [store] in
                    let zone = try store.settings().timeZone
                    let list = try store.inboundSMS(needingAttention: flagged, limit: limit)
                    let owners = try store.phoneOwners(list.map(\.from))
                    return APIResponse.encode(list.map { APIViews.smsReply($0, owner: owners[$0.from], zone: zone) })
                }
                return APIResponse.json(data: data)
            }
        }
        router.post("\(Self.base)/sms/messages/:id/retry") { request, context in
            await answer(request) {
                let (_, actor) = try await signedIn(request)
                let id = try Self.pathID(context, missing: "no such SMS")
                let data = try await Blocking.run { [store] in
                    let m = try store.retrySMS(id: id, by: actor)
                    let owner = try store.phoneOwners([m.to])[m.to]
                    return APIResponse.encode(APIViews.smsMessage(m, owner: owner, zone: try store.settings().timeZone))
                }
                return APIResponse.json(data: data)
            }
        }
        router.post("\(Self.base)/sms/replies/:id/handled") { request, context in
            await answer(request) {
                let (_, actor) = try await signedIn(request)
                let id = try Self.pathID(context, missing: "no such SMS reply")
                let data = try await Blocking.run { [store] in
                    let r = try store.markHandled(inboundID: id, by: actor)
                    let owner = try store.phoneOwners([r.from])[r.from]
                    return APIResponse.encode(APIViews.smsReply(r, owner: owner, zone: try store.settings().timeZone))
                }
                return APIResponse.json(data: data)
            }
        }
    }
}

extension APIViews {
    /// An outgoing SMS: raw values for scripts, `outcome` in words for people.
    static func smsMessage(_ m: OutboxMessage, owner: PhoneOwner?, zone: ClinicTimeZone) -> [String: Any] {
        [
            "id": String(m.id), "to": m.to, "toName": owner?.name ?? null, "body": m.body, "appointment": m.appointmentCode ?? null,
            "kind": m.kind.rawValue, "recipient": m.recipient.rawValue, "state": m.state.rawValue, "attempts": m.attempts,
            "nextAttemptAt": zone.iso8601(m.nextAttemptAt), "errorCode": m.errorCode ?? null, "errorMessage": m.errorMessage ?? null,
            "deliveryStatus": m.deliveryStatus ?? null, "outcome": SMSText.outcome(m), "note": m.note ?? null,
            "createdAt": zone.iso8601(m.createdAt), "updatedAt": zone.iso8601(m.updatedAt), "sentAt": m.sentAt.map(zone.iso8601) ?? null,
        ]
    }

    /// A patient's SMS as logged: the raw outcome and the sentence, whether the desk should read it, who handled it.
    static func smsReply(_ r: InboundSMSRecord, owner: PhoneOwner?, zone: ClinicTimeZone) -> [String: Any] {
        [
            "id": String(r.id), "from": r.from, "fromName": owner?.name ?? null, "body": r.body,
            "receivedAt": zone.iso8601(r.receivedAt), "command": r.command, "outcome": r.outcome,
            "outcomeText": SMSOutcomeText.sentence(outcome: r.outcome, code: r.appointmentCode), "reply": r.reply ?? null,
            "appointment": r.appointmentCode ?? null, "attention": r.attentionReason ?? null,
            "handledAt": r.handledAt.map(zone.iso8601) ?? null, "handledBy": r.handledBy ?? null,
        ]
    }
}
