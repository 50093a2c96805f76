import Hummingbird
import NIOCore

/// The listener's request context: the client's address (the API's sign-in
/// rate limit) and the largest body any route reads (the API's photo); each
/// route reads its body with its own, smaller limit.
struct ListenerRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The client's address, as the socket has it.
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The backstop: the photo's limit (routes read with their own).
    var maxUploadSize: Int { 2 * 1024 * 1024 + 16 * 1024 }

    /// The client's IP address as text ("?" when the socket has none).
    var clientAddress: String { remoteAddress?.ipAddress ?? "?" }
}
