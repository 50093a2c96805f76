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
                let name = try body.string("name"), phone = try body.string("phone")
                let age = try body.int("age"), gender = try body.string("gender")
                let clearsAge = body.sent("age") && age == nil, clearsGender = body.sent("gender") && gender == nil
                if body.sent("notes") { throw APIError.invalidInput("notes are kept by the desk and cannot be changed here") }
                let user = try await Blocking.run { [store] in
                    let current = account.role == .patient ? try store.patientProfile(accountID: account.id, viewer: actor) : nil
                    let update = ProfileUpdate(
                        name: name ?? account.name, phone: phone ?? account.phone,
                        age: clearsAge ? nil : age ?? current?.age, gender: clearsGender ? "" : gender ?? current?.gender)
                    let changed = try store.updateProfile(accountID: account.id, update, by: actor)
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
