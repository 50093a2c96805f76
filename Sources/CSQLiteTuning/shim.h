#ifndef CLINIC_CSQLITETUNING_SHIM_H
#define CLINIC_CSQLITETUNING_SHIM_H

#include <sqlite3.h>

/// Turns off SQLite's memory statistics, whose global mutex is taken on every
/// allocation. Only effective before SQLite initialises (the first open);
/// returns SQLITE_OK, or SQLITE_MISUSE when it is too late (harmless).
static inline int clinic_sqlite_disable_memstatus(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

#endif
