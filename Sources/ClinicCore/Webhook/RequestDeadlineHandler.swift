import NIOCore
import NIOHTTPTypes

/// Cuts off idle and slow clients: once a connection is ready for a request,
/// the request's head must arrive within `timeout`, and once the head has
/// arrived, its body within `timeout` too. A client trickling bytes (which
/// keeps a plain read-idle timer from firing) is closed all the same.
/// Checked a few times per `timeout` on the connection's event loop.
final class RequestDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let timeout: TimeAmount
    private var deadline: NIODeadline?
    private var reading = false
    private var outstanding = 0
    private var check: RepeatedTask?

    init(timeout: TimeAmount) { self.timeout = timeout }

    func handlerAdded(context: ChannelHandlerContext) {
        deadline = .now() + timeout
        let period = TimeAmount.nanoseconds(max(50_000_000, timeout.nanoseconds / 4))
        let bound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
        check = context.eventLoop.scheduleRepeatedTask(initialDelay: period, delay: period) { _ in
            bound.value.handler.closeIfLate(bound.value.context)
        }
    }

    private func closeIfLate(_ context: ChannelHandlerContext) {
        guard let deadline, deadline < .now() else { return }
        self.deadline = nil
        check?.cancel()
        check = nil
        context.close(promise: nil)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        check?.cancel()
        check = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        check?.cancel()
        check = nil
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            reading = true
            outstanding += 1
            deadline = .now() + timeout
        case .end:
            reading = false
            deadline = nil
        case .body:
            break
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            outstanding = max(0, outstanding - 1)
            if outstanding == 0 && !reading { deadline = .now() + timeout }
        }
        context.write(data, promise: promise)
    }
}
