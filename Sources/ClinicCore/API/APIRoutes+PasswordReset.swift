import Hummingbird

/// `/api/v1/auth/reset` and `/auth/reset/confirm`: "Forgot password" by SMS,
/// as at the kiosk. Asking for a code is always 202 with the one sentence
/// (unknown, staff, no phone, the account's hourly limit all read the same);
/// a code that does not work is always 401 with the one sentence. Both share
/// the sign-in routes' per-address bucket, and each client address may ask
/// for a few codes an hour (429), whatever it names.
extension APIRoutes {
    func addPasswordResetRoutes(to router: Router<ListenerRequestContext>) {
        let reset = "\(Self.base)/auth/reset"
        router.post("\(reset)") { request, context in
            await answer(request) {
                try limit(context)
                let login = try await JSONBody.read(request).string("login", required: true)!
                let requester = "api:\(context.clientAddress)"
                let outcome = try await Blocking.run { [store] in try store.requestPasswordReset(login: login, requester: requester) }
                guard outcome == .answered else { throw APIError.resetRateLimited }
                return APIResponse.json(["message": PasswordResetPolicy.answer], status: .accepted)
            }
        }
        router.post("\(reset)/confirm") { request, context in
            await answer(request) {
                try limit(context)
                let body = try await JSONBody.read(request)
                let login = try body.string("login", required: true)!, code = try body.string("code", required: true)!
                let password = try body.string("newPassword", required: true)!
                try await Blocking.run { [store] in
                    try store.resetPassword(login: login, code: code, newPassword: password, via: .api)
                }
                return Response(status: .noContent)
            }
        }
    }
}

extension APIError {
    /// This client address asked for too many reset codes this hour.
    static let resetRateLimited = APIError(.tooManyRequests, "rate_limited", PasswordResetPolicy.requesterRefusal)
}
