import Foundation
import Hummingbird

/// The clinic's clock, the OpenAPI document and the page that renders it.
extension APIRoutes {
    func addMetaRoutes(to router: Router<ListenerRequestContext>) {
        router.get("\(Self.base)/time/now") { request, _ in
            await answer(request) {
                let now = store.nowSeconds
                let zone = try Blocking.inline { try store.settings().timeZone }
                let utc = ClinicTimeZone.utcISO8601(now)
                return APIResponse.json(["utc": utc, "local": zone.iso8601(now), "timezone": zone.identifier])
            }
        }
        router.get("/openapi.json") { _, _ in APIResponse.text(OpenAPIDocument.json, type: APIResponse.jsonType) }
        router.get("/docs") { _, _ in APIResponse.text(APIDocsPage.html, type: "text/html; charset=utf-8") }
    }
}
