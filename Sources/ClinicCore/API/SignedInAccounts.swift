import Synchronization

/// The accounts bearer tokens spoke for, kept while the database has not
/// changed (`PRAGMA data_version`, which any commit of any process moves):
/// a client sending requests to a quiet clinic costs one pragma per request
/// instead of a transaction, and a password change, a deactivation or a
/// role change anywhere is seen by the very next request.
final class SignedInAccounts: Sendable {
    private let watcher: ChangeWatcher
    private let state = Mutex<(version: Int64, accounts: [Int64: Account])>((-1, [:]))
    private let capacity = 10_000

    init(store: ClinicStore) throws { watcher = try ChangeWatcher(store: store) }

    /// The account `token` speaks for, if it still may (`ClinicStore.apiAccount`),
    /// and the database's version it was checked at (read first, so other
    /// caches may key on it: `SlotDayCache`).
    func account(for token: AccessToken, store: ClinicStore) throws -> (account: Account, version: Int64) {
        let version = try watcher.version()
        let known = state.withLock { state -> Account? in
            if state.version != version { state = (version, [:]) }
            return state.accounts[token.accountID]
        }
        if let known, known.active, known.role == token.role, known.tokenEpoch == token.epoch { return (known, version) }
        let account = try store.apiAccount(for: token)
        state.withLock { state in
            guard state.version == version else { return }  // the data moved meanwhile: keep nothing read before
            if state.accounts.count >= capacity { state.accounts.removeAll(keepingCapacity: true) }
            state.accounts[account.id] = account
        }
        return (account, version)
    }
}
