import HTTPTypes
import Hummingbird

/// CORS for the origins `[api] cors_origins` lists, and for no other: a
/// listed origin gets `Access-Control-Allow-Origin` (and an answer to its
/// preflight); any other origin gets nothing, so browsers keep it out.
struct APICORS: RouterMiddleware {
    typealias Context = ListenerRequestContext
    let origins: Set<String>

    init(origins: [String]) { self.origins = Set(origins) }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin], origins.contains(origin) else { return try await next(request, context) }
        var response: Response
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            response = Response(status: .noContent)
            response.headers[.accessControlAllowMethods] = "GET, POST, PATCH, OPTIONS"
            response.headers[.accessControlAllowHeaders] = "Authorization, Content-Type, Last-Event-ID"
            response.headers[.accessControlMaxAge] = "600"
        } else {
            response = try await next(request, context)
        }
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.vary] = "Origin"
        return response
    }
}
