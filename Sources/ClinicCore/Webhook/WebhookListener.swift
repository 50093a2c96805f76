import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// The embedded HTTP listener (Hummingbird 2): `POST /api/v1/twilio/webhook`,
/// `POST /api/v1/twilio/status`, `GET /healthz`, and with `api` the clinic's
/// HTTP API (`APIRoutes`: `/api/v1/…`, `/openapi.json`, `/docs`). A ServiceLifecycle `Service`:
/// `run()` binds and serves until graceful shutdown, then lets requests in
/// progress finish; `bound()` waits for the address (tests bind port 0).
public final class WebhookListener: Service, Sendable {
    /// Where the listener is bound once it runs.
    public struct Address: Sendable, Equatable {
        public let host: String
        public let port: Int
    }

    /// Where the listener is in its life.
    public enum Status: Sendable, Equatable {
        /// `run()` has not bound yet.
        case starting
        /// Bound and serving.
        case listening(Address)
        /// Could not bind (the message says why); `run()` threw.
        case failed(String)
        /// Served and stopped.
        case stopped
    }

    private typealias Waiter = CheckedContinuation<Address, any Error>

    public let options: WebhookOptions
    /// The HTTP API's options (nil: the API is not served).
    public let api: APIOptions?
    private let store: ClinicStore
    private let logger: Logger
    private let state = Mutex<(status: Status, waiters: [Waiter])>((.starting, []))

    /// A listener over `store` (not yet bound).
    public init(store: ClinicStore, options: WebhookOptions, api: APIOptions? = nil, logger: Logger) {
        self.store = store; self.options = options; self.api = api?.enabled == true ? api : nil; self.logger = logger
    }

    /// The status now (the staff status line reads it).
    public var status: Status { state.withLock { $0.status } }

    /// Binds, serves until graceful shutdown, and returns once requests in
    /// progress are answered. Throws when the address cannot be bound.
    public func run() async throws {
        do {
            let apiRoutes = try api.map { try APIRoutes(store: store, options: $0, logger: logger) }
            try await withGracefulShutdownHandler {
                try await makeApplication(api: apiRoutes).run()
            } onGracefulShutdown: {
                apiRoutes?.streams.close()  // open event streams end, so the shutdown does not wait on them
            }
        } catch {
            let message = "cannot listen on \(options.host):\(options.port): \(error)"
            let wasListening = finish(.failed(message))
            if wasListening { logger.error("webhook listener stopped", metadata: ["error": "\(error)"]) }
            throw ClinicError(.invalidInput, message)
        }
        finish(.stopped)
    }

    /// The bound address, once `run()` has bound; throws if it could not or
    /// stopped first. Returns at once when already decided.
    public func bound() async throws -> Address {
        try await withCheckedThrowingContinuation { (waiter: Waiter) in
            let decided = state.withLock { state -> Result<Address, any Error>? in
                guard let result = Self.outcome(state.status) else {
                    state.waiters.append(waiter)
                    return nil
                }
                return result
            }
            if let decided { waiter.resume(with: decided) }
        }
    }

    /// What `bound()` answers for `status` (nil: not yet decided).
    private static func outcome(_ status: Status) -> Result<Address, any Error>? {
        switch status {
        case .starting: return nil
        case .listening(let address): return .success(address)
        case .failed(let message): return .failure(ClinicError(.invalidInput, message))
        case .stopped: return .failure(ClinicError(.internalError, "the listener stopped before it was ready"))
        }
    }

    /// Moves to `status` and answers the waiters; true when it was listening.
    @discardableResult
    private func finish(_ status: Status) -> Bool {
        let (waiters, was) = state.withLock { state -> ([Waiter], Status) in
            let taken = (state.waiters, state.status)
            state = (status, [])
            return taken
        }
        if let result = Self.outcome(status) { for waiter in waiters { waiter.resume(with: result) } }
        if case .listening = was { return true }
        return false
    }

    private func makeApplication(api: APIRoutes?) -> some ApplicationProtocol {
        let router = Router(context: ListenerRequestContext.self)
        if let api, !api.options.corsOrigins.isEmpty { router.add(middleware: APICORS(origins: api.options.corsOrigins)) }
        WebhookRoutes(store: store, options: options, logger: logger).addRoutes(to: router)
        api?.addRoutes(to: router)
        let timeout = TimeAmount.nanoseconds(Int64(options.requestTimeoutSeconds * 1_000_000_000))
        let http = HTTPServerBuilder.http1(
            configuration: .init(
                additionalChannelHandlers: [RequestDeadlineHandler(timeout: timeout)],
                idleTimeout: timeout))
        return Application(
            router: router, server: http,
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
            onServerRunning: { [self] channel in
                let address = Address(host: options.host, port: channel.localAddress?.port ?? options.port)
                logger.info(
                    "webhook listening",
                    metadata: [
                        "address": "\(address.host):\(address.port)",
                        "public_url": "\(options.publicURL)",
                    ])
                finish(.listening(address))
            },
            logger: logger)
    }
}
