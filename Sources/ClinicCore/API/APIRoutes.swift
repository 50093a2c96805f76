import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// The clinic's HTTP API v1 (`docs/api-v1-contract.md`), on the listener
/// beside the Twilio routes. Every route reads its input, asks the store
/// (which asks `Policy.decide`), and writes JSON; every refusal is
/// `APIResponse.error` with the status `APIError` maps it to. Nothing a
/// client sends can throw past a route.
struct APIRoutes: Sendable {
    let store: ClinicStore
    let options: APIOptions
    let logger: Logger
    /// The clinic's signing key for access tokens (made on first start).
    let key: [UInt8]
    let signInLimiter: RateLimiter
    /// The open event streams' shutdown switch.
    let streams = EventStreams()
    /// Tokens already verified (a client sends its token with every request).
    let verifiedTokens = VerifiedTokens()
    /// The accounts tokens speak for, while the database is unchanged.
    let accounts: SignedInAccounts
    /// Doctors' days as read, while the database is unchanged (the slots routes).
    let slotDays = SlotDayCache()
    /// Group commit for bookings: those arriving together share a transaction.
    /// Each booking comes back with the clinic's zone, read in the same transaction, to write the answer with.
    let bookings: WriteBatcher<(BookingRequest, Actor), (Appointment, ClinicTimeZone)>

    init(store: ClinicStore, options: APIOptions, logger: Logger) throws {
        self.store = store; self.options = options; self.logger = logger
        key = try store.apiSigningKey()
        accounts = try SignedInAccounts(store: store)
        signInLimiter = RateLimiter(perMinute: options.signInsPerMinute, burst: options.signInsPerMinute)
        bookings = WriteBatcher(store: store) { [store] input, now, db in
            try store.bookInZone(input.0, by: input.1, now: now, db)
        }
    }

    static let base = "/api/v1"

    func addRoutes(to router: Router<ListenerRequestContext>) {
        addAuthRoutes(to: router)
        addPasswordResetRoutes(to: router)
        addUserRoutes(to: router)
        addAppointmentRoutes(to: router)
        addScheduleRoutes(to: router)
        addTimeOffRoutes(to: router)
        addHistoryRoutes(to: router)
        addWaitlistRoutes(to: router)
        addDaySheetRoutes(to: router)
        addSMSRoutes(to: router)
        addMetaRoutes(to: router)
        addEventRoutes(to: router)
    }

    /// Runs a route: its response, or its error as the contract's JSON.
    func answer(_ request: Request, _ route: () async throws -> Response) async -> Response {
        do {
            return try await route()
        } catch {
            let api = APIError(any: error)
            if api.status == .internalServerError {
                logger.error("api request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            }
            return APIResponse.error(api)
        }
    }

    /// Who sent the request: the account its bearer token speaks for (active,
    /// same role, same token epoch), as the actor the store is asked for.
    /// `queryToken`: the token may come as `?access_token=` (EventSource cannot send headers).
    func signedIn(_ request: Request, queryToken: Bool = false) async throws -> (account: Account, actor: Actor) {
        let signedIn = try signedInAt(request, queryToken: queryToken)
        return (signedIn.account, signedIn.actor)
    }

    /// `signedIn`, with the database's version the account was checked at
    /// (`PRAGMA data_version`, read before anything else of the request).
    func signedInAt(_ request: Request, queryToken: Bool = false) throws -> (account: Account, actor: Actor, version: Int64) {
        var token: Substring?
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" { token = parts[1] }
        } else if queryToken, let q = request.uri.queryParameters["access_token"] {
            token = q
        }
        guard let token else { throw APIError.signInAgain }
        let verified: AccessToken
        do {
            verified = try verifiedTokens.verify(String(token), key: key, now: store.nowSeconds)
        } catch {
            throw APIError.signInAgain
        }
        let (account, version) = try Blocking.inline { try accounts.account(for: verified, store: store) }
        return (account, .account(account.id, account.role, via: .api), version)
    }

    /// A path parameter that is an account id.
    static func accountID(_ context: ListenerRequestContext, _ name: String = "id") throws -> Int64 {
        try pathID(context, name, missing: "no such account")
    }

    /// A path parameter that is a row id (a positive integer), or `not_found` saying `missing`.
    static func pathID(_ context: ListenerRequestContext, _ name: String = "id", missing: String) throws -> Int64 {
        guard let text = context.parameters.get(name), let id = Int64(text), id > 0 else {
            throw APIError(.notFound, "not_found", missing)
        }
        return id
    }

    /// `true` / `false` (or `1` / `0`) in a query.
    static func flag(_ text: String) -> Bool? {
        switch text {
        case "true", "1": return true
        case "false", "0": return false
        default: return nil
        }
    }

    /// A query parameter parsed by `parse`, or `invalid_input` naming it.
    static func query<T>(_ request: Request, _ name: String, _ parse: (String) -> T?) throws -> T? {
        guard let text = request.uri.queryParameters[Substring(name)] else { return nil }
        guard let value = parse(String(text)) else { throw APIError.invalidInput("\(name) is not valid: '\(text)'") }
        return value
    }
}
