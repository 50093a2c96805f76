import CMallocTuning

/// Long-running processes keep memory they free instead of handing it back to
/// the kernel after every burst. Under the webhook benchmark glibc trimmed the
/// writer's arena after each batch (madvise, a TLB shootdown on every core, then
/// page faults to take the memory back); keeping it measured 6.6k → 8.4k req/s
/// at 32 connections, p99 11.3 → 9.6 ms (scripts/bench-webhook, 2 cores).
enum MallocTuning {
    /// Keeps up to 1 GiB of freed memory; blocks under 32 MiB come from the heap, not mmap.
    static func keepFreedMemory() {
        _ = clinic_keep_freed_memory(1 << 30, 32 << 20)
    }
}
