import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle

/// The embedded HTTP listener (Hummingbird 2): `POST /api/v1/twilio/webhook`,
/// `POST /api/v1/twilio/status`, `GET /healthz`. A `ClinicService`, so
/// `clinic serve` starts and stops it with the scheduler; tests bind port 0.
public final class WebhookListener: ClinicService, @unchecked Sendable {
    /// Where the listener is bound once it runs.
    public struct Address: Sendable, Equatable {
        public let host: String
        public let port: Int
    }

    private enum State {
        case idle, starting, running(Address), failed(String), stopped
    }

    public let options: WebhookOptions
    private let store: ClinicStore
    private let logger: Logger
    private let condition = NSCondition()
    private var state = State.idle
    private var group: ServiceGroup?

    /// A listener over `store` (not yet bound).
    public init(store: ClinicStore, options: WebhookOptions, logger: Logger) {
        self.store = store; self.options = options; self.logger = logger
    }

    /// Binds and starts serving in the background; blocks until bound.
    /// Throws when the address cannot be bound. Call from a plain thread
    /// (a command's `run`), not from async code: use `listen()` there.
    @discardableResult
    public func listenBlocking() throws -> Address {
        launch()
        return try condition.withLock {
            while true {
                switch state {
                case .running(let address): return address
                case .failed(let message): throw ClinicError(.invalidInput, message)
                case .stopped: throw ClinicError(.internalError, "the listener stopped before it was ready")
                case .idle, .starting: condition.wait()
                }
            }
        }
    }

    /// Binds and starts serving in the background; returns once bound.
    @discardableResult
    public func listen() async throws -> Address {
        launch()
        while true {
            let current = condition.withLock { state }
            switch current {
            case .running(let address): return address
            case .failed(let message): throw ClinicError(.invalidInput, message)
            case .stopped: throw ClinicError(.internalError, "the listener stopped before it was ready")
            case .idle, .starting: try await SystemClock.sleep(seconds: 0.005)
            }
        }
    }

    /// `ClinicService`: starts listening; a bind failure is logged (use
    /// `listenBlocking()` first to make it fatal).
    public func start() {
        do { try listenBlocking() } catch { logger.error("webhook listener failed", metadata: ["error": "\(error)"]) }
    }

    /// Stops accepting connections and lets requests in progress finish.
    public func stop() {
        let group = condition.withLock { self.group }
        guard let group else {
            condition.withLock { if case .idle = state { state = .stopped; condition.broadcast() } }
            return
        }
        Task { await group.triggerGracefulShutdown() }
    }

    /// Blocks until the listener has stopped (or never started).
    public func wait() {
        condition.withLock {
            while true {
                switch state {
                case .starting, .running: condition.wait()
                case .idle, .failed, .stopped: return
                }
            }
        }
    }

    /// Waits asynchronously until the listener has stopped.
    public func stopped() async {
        while true {
            let done = condition.withLock { () -> Bool in
                switch state {
                case .starting, .running: return false
                case .idle, .failed, .stopped: return true
                }
            }
            if done { return }
            try? await SystemClock.sleep(seconds: 0.01)
        }
    }

    private func launch() {
        let begin = condition.withLock { () -> Bool in
            guard case .idle = state else { return false }
            state = .starting
            return true
        }
        guard begin else { return }
        let app = makeApplication()
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        condition.withLock { self.group = group }
        Task.detached { [self] in
            do {
                try await group.run()
                self.finish(.stopped)
            } catch {
                self.finish(.failed("cannot listen on \(self.options.host):\(self.options.port): \(error)"))
            }
        }
    }

    private func finish(_ end: State) {
        condition.withLock {
            if case .running = state, case .failed(let message) = end {
                logger.error("webhook listener stopped", metadata: ["error": "\(message)"])
                state = .stopped
            } else {
                state = end
            }
            condition.broadcast()
        }
    }

    private func makeApplication() -> some ApplicationProtocol {
        let router = Router(context: WebhookRequestContext.self)
        WebhookRoutes(store: store, options: options, logger: logger).addRoutes(to: router)
        let timeout = TimeAmount.nanoseconds(Int64(options.requestTimeoutSeconds * 1_000_000_000))
        let http = HTTPServerBuilder.http1(configuration: .init(
            additionalChannelHandlers: [RequestDeadlineHandler(timeout: timeout)],
            idleTimeout: timeout))
        return Application(
            router: router, server: http,
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
            onServerRunning: { [self] channel in
                let port = channel.localAddress?.port ?? options.port
                condition.withLock {
                    state = .running(Address(host: options.host, port: port))
                    condition.broadcast()
                }
            },
            logger: logger)
    }
}
