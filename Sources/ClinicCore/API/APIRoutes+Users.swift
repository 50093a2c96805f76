import HTTPTypes
import Hummingbird
import NIOCore

/// `/api/v1/users/…`: who is signed in, their profile, and the doctors.
extension APIRoutes {
    func addUserRoutes(to router: Router<ListenerRequestContext>) {
        let users = "\(Self.base)/users"
        router.get("\(users)/me") { request, _ in
            await answer(request) {
                let (account, actor) = try await signedIn(request)
                return APIResponse.json(data: try Blocking.inline { APIResponse.encode(try APIViews.user(account, store: store, viewer: actor)) })
            }
        }
        router.patch("\(users)/me") { request, _ in
            await answer(request) {
                let (account, actor) = try await signedIn(request)
                let body = try await JSONBody.read(request)
                if body.sent("notes") { throw APIError.invalidInput("notes are kept by the desk and cannot be changed here") }
                let edit = try Self.accountEdit(body, staffFields: false)
                let user = try await Blocking.run { [store] in
                    let changed = try store.editAccount(account.id, edit, by: actor)
                    return APIResponse.encode(try APIViews.user(changed, store: store, viewer: actor))
                }
                return APIResponse.json(data: user)
            }
        }
        router.patch("\(users)/:userId") { request, context in
            await answer(request) {
                let (_, actor) = try await signedIn(request)
                guard let id = context.parameters.get("userId").flatMap(Int64.init) else { throw ClinicError(.notFound, "no such user") }
                let edit = try Self.accountEdit(try await JSONBody.read(request), staffFields: true)
                let user = try await Blocking.run { [store] in
                    let changed = try store.editAccount(id, edit, by: actor)
                    return APIResponse.encode(try APIViews.user(changed, store: store, viewer: actor))
                }
                return APIResponse.json(data: user)
            }
        }
        router.post("\(users)/me/photo") { request, _ in
            await answer(request) { try await uploadPhoto(request) }
        }
        router.get("\(Self.base)/photos/:photoId") { request, context in
            await answer(request) {
                let id = context.parameters.get("photoId") ?? ""
                let photo = try await Blocking.run { [store] in try store.photo(publicID: id) }
                var response = APIResponse.bytes(photo.bytes, type: photo.contentType)
                response.headers[.cacheControl] = "private, max-age=86400"
                return response
            }
        }
        router.get("\(users)/doctors") { request, _ in
            await answer(request) {
                let (_, actor) = try await signedIn(request)
                let specialization = request.uri.queryParameters["specialization"].map(String.init)
                let doctors = try await Blocking.run { [store] in
                    APIResponse.encode(
                        try store.bookableDoctors()
                            .filter { specialization == nil || $0.specialization.caseInsensitiveCompare(specialization!) == .orderedSame }
                            .map { listing in try APIViews.user(try store.account(id: listing.id), store: store, viewer: actor) })
                }
                return APIResponse.json(data: doctors)
            }
        }
    }

    /// A PATCH body as an edit: absent fields stay; `null` (or "") removes an
    /// email or phone, clears `birthDate` and `gender`. `age` is for old
    /// clients: kept while the patient has no `birthDate`, ignored once they
    /// have one (the age is then computed from it). `notes`, `specialization`
    /// and `slotDurationMin` only on the staff route.
    static func accountEdit(_ body: JSONBody, staffFields: Bool) throws -> AccountEdit {
        func text(_ key: String) throws -> String? {
            if let value = try body.string(key) { return value }
            return body.sent(key) ? "" : nil
        }
        var edit = AccountEdit(
            name: try body.string("name"), phone: try text("phone"), email: try text("email"), birthDate: try text("birthDate"),
            gender: try text("gender"), legacyAge: try body.int("age"))
        if staffFields {
            edit.notes = try text("notes")
            edit.specialization = try body.string("specialization")
            edit.slotMinutes = try body.int("slotDurationMin")
        }
        return edit
    }

    /// The photo's limit, and the multipart's headers around it.
    static let maxPhotoBody = ClinicStore.maxPhotoBytes + 16 * 1024

    private func uploadPhoto(_ request: Request) async throws -> Response {
        let (account, actor) = try await signedIn(request)
        guard let boundary = request.headers[.contentType].flatMap(MultipartForm.boundary) else {
            throw APIError.invalidInput("the body must be multipart/form-data with a photo field")
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > Self.maxPhotoBody { throw APIError.tooLarge(Self.maxPhotoBody) }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: Self.maxPhotoBody)
        } catch is NIOTooManyBytesError {
            throw APIError.tooLarge(Self.maxPhotoBody)
        }
        let form = try MultipartForm(Array(buffer.readableBytesView), boundary: boundary)
        guard let bytes = form.parts["photo"] else { throw APIError.invalidInput("the form has no photo field") }
        if bytes.count > ClinicStore.maxPhotoBytes { throw APIError.tooLarge(ClinicStore.maxPhotoBytes) }
        let data = try await Blocking.run { [store] in
            try store.setPhoto(accountID: account.id, bytes: bytes, by: actor)
            return APIResponse.encode(try APIViews.user(try store.account(id: account.id), store: store, viewer: actor))
        }
        return APIResponse.json(data: data)
    }
}
