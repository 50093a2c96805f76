#ifndef CLINIC_CMALLOCTUNING_SHIM_H
#define CLINIC_CMALLOCTUNING_SHIM_H

#include <malloc.h>

/// Keeps up to `trim` bytes of freed memory in the process instead of handing
/// it back to the kernel, and serves blocks below `mmap_threshold` from the
/// heap (glibc's mallopt; a fixed threshold also stops its dynamic tuning).
/// Returns 1 when both took effect.
static inline int clinic_keep_freed_memory(int trim, int mmap_threshold) {
    return mallopt(M_TRIM_THRESHOLD, trim) && mallopt(M_MMAP_THRESHOLD, mmap_threshold);
}

#endif
