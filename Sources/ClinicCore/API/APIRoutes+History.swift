import Hummingbird

/// `GET /api/v1/patients/{patientId}/visits`: a patient's visits at the
/// clinic, every doctor's, with the doctors' notes for doctors and admins
/// (`note` is null for the desk). Staff only; the store asks the policy.
extension APIRoutes {
    func addHistoryRoutes(to router: Router<ListenerRequestContext>) {
        router.get("\(Self.base)/patients/:patientId/visits") { request, context in
            await answer(request) {
                let (_, actor) = try await signedIn(request)
                let patientID = try Self.accountID(context, "patientId")
                let data = try await Blocking.run { [store] in
                    let zone = try store.settings().timeZone
                    let visits = try store.visitHistory(patientID: patientID, by: actor)
                    return APIResponse.encode(
                        visits.map { ["appointment": APIViews.appointment($0.appointment, zone: zone), "note": $0.note ?? APIViews.null] as [String: Any] })
                }
                return APIResponse.json(data: data)
            }
        }
    }
}
