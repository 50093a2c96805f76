import NIOCore
import NIOPosix

/// Where a serving process runs its Swift concurrency: on the listener's own
/// event-loop threads instead of a separate cooperative pool. A request then
/// stays on the thread that read it, from parsing through the route to the
/// write, instead of hopping to a pool thread and back (two wake-ups and
/// context switches per request; on the 2-core bench machine the hops and
/// the extra threads were a measured share of `clinic serve`'s CPU, see
/// `scripts/bench-api`). Blocking work still leaves through `Blocking.run`.
public enum ListenerThreads {
    /// Makes the event loops Swift's global executor, once per process and
    /// before any task runs (from the main thread of a synchronous command).
    /// False when the runtime does not allow it; concurrency then keeps its own pool.
    @discardableResult
    public static func adopt() -> Bool { adopted }

    private static let adopted: Bool = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
}
