import Hummingbird

/// `/api/v1/auth/…`: sign-up, the three sign-ins, refresh and sign-out.
/// Every sign-in refusal is the one sentence of the kiosk (an unknown
/// account, a wrong password, the wrong role, a deactivated account and a
/// lock all read the same), each costs one password check, and the routes
/// share a per-address rate limit (429).
extension APIRoutes {
    func addAuthRoutes(to router: Router<ListenerRequestContext>) {
        let auth = "\(Self.base)/auth"
        router.post("\(auth)/patient/signup") { request, context in
            await answer(request) { try await signUp(request, context) }
        }
        for (path, roles) in [("patient", Set([Role.patient])), ("doctor", [.doctor]), ("staff", [.receptionist, .admin])] {
            router.post("\(auth)/\(path)/login") { request, context in
                await answer(request) { try await signIn(request, context, roles: roles) }
            }
        }
        router.post("\(auth)/refresh") { request, context in
            await answer(request) {
                try limit(context)
                let token = try await JSONBody.read(request).string("refresh_token", required: true)!
                let (tokens, _) = try await Blocking.run { [store, key] in try store.refreshAPITokens(token, key: key) }
                return APIResponse.json(APIViews.tokens(tokens, user: nil))
            }
        }
        router.post("\(auth)/logout") { request, context in
            await answer(request) {
                try limit(context)
                let token = try await JSONBody.read(request).string("refresh_token", required: true)!
                try await Blocking.run { [store] in try store.revokeAPIRefreshToken(token) }
                return Response(status: .noContent)
            }
        }
    }

    /// 429 once the client's address has used its sign-in attempts.
    func limit(_ context: ListenerRequestContext) throws {
        guard signInLimiter.allow(context.clientAddress, now: store.clock.now().timeIntervalSince1970) else {
            throw APIError.rateLimited
        }
    }

    private func signUp(_ request: Request, _ context: ListenerRequestContext) async throws -> Response {
        try limit(context)
        let body = try await JSONBody.read(request)
        let name = try body.string("name", required: true)!, email = try body.string("email")
        let phone = try body.string("phone"), password = try body.string("password", required: true)!
        let age = try body.int("age"), gender = try body.string("gender"), birthDate = try body.string("birthDate")
        let data = try await Blocking.run { [store, key] in
            if let age, !(0...150).contains(age) { throw ClinicError(.invalidInput, "age must be 0–150", field: .age) }
            if let birthDate { _ = try AccountInput.birthDate(birthDate, today: try store.localToday()) }
            if let gender { _ = try AccountInput.gender(gender) }  // checked before the account exists, as the rest is
            var account = try store.kioskSignUp(name: name, email: email, phone: phone, password: password)
            let actor = Actor.account(account.id, account.role, via: .api)
            if age != nil || gender != nil || birthDate != nil {
                account = try store.editAccount(
                    account.id, AccountEdit(birthDate: birthDate, gender: gender, legacyAge: age), by: actor)
            }
            let tokens = try store.issueAPITokens(for: account, key: key)
            return APIResponse.encode(APIViews.tokens(tokens, user: try APIViews.user(account, store: store, viewer: actor)))
        }
        return APIResponse.json(data: data, status: .created)
    }

    private func signIn(_ request: Request, _ context: ListenerRequestContext, roles: Set<Role>) async throws -> Response {
        try limit(context)
        let body = try await JSONBody.read(request)
        let login = try body.string("email", required: true)!, password = try body.string("password", required: true)!
        let data = try await Blocking.run { [store, key] in
            let account = try store.selfServiceSignIn(login: login, password: password, roles: roles)
            let actor = Actor.account(account.id, account.role, via: .api)
            let tokens = try store.issueAPITokens(for: account, key: key)
            return APIResponse.encode(APIViews.tokens(tokens, user: try APIViews.user(account, store: store, viewer: actor)))
        }
        return APIResponse.json(data: data)
    }
}
