/// How the HTTP API is served on the listener (`[api]` in the configuration).
public struct APIOptions: Sendable, Equatable {
    /// Serve `/api/v1/…`, `/openapi.json` and `/docs` (default true).
    public var enabled: Bool
    /// Origins a browser may call the API from (CORS); empty: none.
    public var corsOrigins: [String]
    /// Sign-in attempts per minute per client address (and the burst).
    public var signInsPerMinute: Int

    public init(enabled: Bool = true, corsOrigins: [String] = [], signInsPerMinute: Int = 10) {
        self.enabled = enabled; self.corsOrigins = corsOrigins; self.signInsPerMinute = signInsPerMinute
    }
}
