#ifndef CLINIC_CSQLITETUNING_SHIM_H
#define CLINIC_CSQLITETUNING_SHIM_H

#include <sqlite3.h>

/// Turns off SQLite's memory statistics, whose global mutex is taken on every
/// allocation. Only effective before SQLite initialises (the first open);
/// returns SQLITE_OK, or SQLITE_MISUSE when it is too late (harmless).
static inline int clinic_sqlite_disable_memstatus(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/// Keeps statement journals and savepoints' sub-journals in memory up to
/// `bytes` before they spill to a temporary file. SQLite's default (64 KiB)
/// is about 16 pages, fewer than one booking touches: a batch of bookings,
/// each in its own savepoint, then wrote every page it journaled to a file
/// in /var/tmp for the rest of the transaction (more writes than the WAL's).
/// The journal is emptied at each savepoint's release, so this is the most
/// one savepoint may hold in memory. Same timing rule as above.
static inline int clinic_sqlite_statement_journal_spill(int bytes) {
    return sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, bytes);
}

#endif
