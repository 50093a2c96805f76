import HTTPTypes
import Foundation
import Hummingbird
import NIOCore
import Synchronization

/// `GET /api/v1/events`: the appointment changes the caller may see, as
/// Server-Sent Events, from the audit trail any process writes (the CLI,
/// a terminal, the scheduler, an SMS). The database is looked at through
/// `ChangeWatcher` at most every 250 ms; `Last-Event-ID` resumes after the
/// last change a client saw; `: keep-alive` every 15 s. Streams end when
/// the listener shuts down gracefully (`EventStreams.close`).
extension APIRoutes {
    static let pollSeconds = 0.25
    /// Polls without an event before a `: keep-alive` comment (15 s).
    static let keepAlivePolls = 60

    func addEventRoutes(to router: Router<ListenerRequestContext>) {
        router.get("\(Self.base)/events") { request, _ in
            await answer(request) { try await events(request) }
        }
    }

    private func events(_ request: Request) async throws -> Response {
        let (_, actor) = try await signedIn(request, queryToken: true)
        let resume = request.headers[HTTPField.Name("Last-Event-ID")!].flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
        let start = try await Blocking.run { [store] in try resume ?? store.latestAppointmentChangeID() }
        let watcher = try ChangeWatcher(store: store)
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        let body = ResponseBody { [store, streams] writer in
            var last = start
            var quietPolls = 0
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            var pending = resume != nil  // a resumed stream first sends what it missed
            while !streams.isClosed && !Task.isCancelled {
                if pending || (try? watcher.changed()) == true {
                    let (changes, upTo, zone) = try await Blocking.run { [last] in
                        let read = try store.appointmentChanges(after: last, viewer: actor)
                        return (read.changes, read.last, try store.settings().timeZone)
                    }
                    for change in changes {
                        try await writer.write(ByteBuffer(string: Self.event(change, zone: zone)))
                    }
                    if !changes.isEmpty { quietPolls = 0 }
                    pending = upTo != last  // more may follow a long backlog: look again at once
                    last = upTo
                }
                quietPolls += 1
                if quietPolls >= Self.keepAlivePolls {
                    try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                    quietPolls = 0
                }
                try await SystemClock.sleep(seconds: Self.pollSeconds)
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    /// One change as an SSE event.
    static func event(_ change: AppointmentChange, zone: ClinicTimeZone) -> String {
        let data = APIResponse.encode([
            "type": change.kind.rawValue, "appointment": APIViews.appointment(change.appointment, zone: zone), "at": zone.iso8601(change.at),
        ])
        return "event: appointment\nid: \(change.id)\ndata: \(String(decoding: data, as: UTF8.self))\n\n"
    }
}

/// Whether the listener is shutting down: open event streams end then, so a
/// graceful shutdown does not wait on them.
final class EventStreams: Sendable {
    private let closed = Atomic<Bool>(false)
    var isClosed: Bool { closed.load(ordering: .relaxed) }
    func close() { closed.store(true, ordering: .relaxed) }
}
