import Synchronization

/// Access tokens whose signature was checked, by their text, so a client
/// sending the same token again costs a dictionary lookup instead of a MAC
/// and a JSON parse. Expiry is checked on every use; the account's state
/// (active, role, token epoch) is still read from the database per request.
final class VerifiedTokens: Sendable {
    private let capacity: Int
    private let tokens = Mutex<[String: AccessToken]>([:])

    init(capacity: Int = 4096) { self.capacity = capacity }

    /// The token `text` stands for at `now`, verified once under `key`.
    func verify(_ text: String, key: [UInt8], now: Int64) throws(AccessToken.Rejection) -> AccessToken {
        if let known = tokens.withLock({ $0[text] }) {
            guard now < known.expiresAt, known.issuedAt <= now + 60 else { throw .expired }
            return known
        }
        let token = try AccessToken.verify(text, key: key, now: now)
        tokens.withLock { tokens in
            if tokens.count >= capacity { tokens.removeAll(keepingCapacity: true) }
            tokens[text] = token
        }
        return token
    }
}
