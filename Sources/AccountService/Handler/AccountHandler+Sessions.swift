import Foundation
import ParleyContracts
import ParleyStorage
import SessionTokens

/// Sign-up, sign-in and out, password changes, and the tokens that carry a session.
extension AccountHandler {
    func register(name typed: String, password: String, displayName: String?) async throws -> AccountReply {
        guard let name = AccountRules.canonicalName(typed) else { throw AccountError.invalidName(typed) }
        try AccountRules.checkNewPassword(password)
        let displayName = try AccountRules.displayName(displayName ?? typed)
        // Checked before the slow hash so a taken name is refused at once; the insert checks again.
        guard try store.account(named: name) == nil else { throw AccountError.nameTaken(name) }
        let hash = try await hasher.hash(password)
        let at = now()
        let record = AccountRecord(name: name, displayName: displayName, password: hash, createdAt: at)
        guard let account = try store.createAccount(record) else { throw AccountError.nameTaken(name) }
        feed.refresh()
        return .session(issueSession(for: account, at: at))
    }

    func login(name typed: String, password: String) async throws -> AccountReply {
        // A name that cannot exist gets the same answer as a wrong one.
        guard let name = AccountRules.canonicalName(typed) else { throw AccountError.wrongCredentials }
        try admitSignIn(for: name)
        let account = try store.account(named: name)
        guard try await hasher.verify(password, against: account?.password ?? hasher.decoy), let account else {
            try recordFailedSignIn(for: name)
            throw AccountError.wrongCredentials
        }
        try store.forgetFailedSignIns(for: name)
        if hasher.needsUpgrade(account.password) {
            try store.replacePassword(of: name, with: try await hasher.hash(password))
        }
        return .session(issueSession(for: account, at: now()))
    }

    /// Ends the token's session. A session already expired or ended needs no ending, so that is not an error.
    func logout(token: String) throws -> AccountReply {
        let claims: SessionClaims
        do {
            claims = try signer.verify(token, now: now())
        } catch .expired, .revoked {
            return .done
        } catch {
            throw AccountError.sessionInvalid
        }
        try recordRevocation { () throws(StorageError) in try revocations.revoke(session: claims.session) }
        return .done
    }

    func changePassword(token: String, old: String, new: String) async throws -> AccountReply {
        let claims = try authenticate(token)
        try AccountRules.checkNewPassword(new)
        try admitSignIn(for: claims.user)
        guard let account = try store.account(named: claims.user) else { throw AccountError.sessionInvalid }
        // A stolen token must not make guessing the password cheap: wrong guesses here count as failed sign-ins.
        guard try await hasher.verify(old, against: account.password) else {
            try recordFailedSignIn(for: claims.user)
            throw AccountError.wrongPassword
        }
        try store.forgetFailedSignIns(for: claims.user)
        try store.replacePassword(of: claims.user, with: try await hasher.hash(new))
        let at = now()
        try recordRevocation { () throws(StorageError) in try revocations.revokeAll(of: claims.user, issuedUntil: at) }
        // The new session is issued a moment after the cut, or the revocation just written would end it too.
        return .session(issueSession(for: account, at: at.addingTimeInterval(0.001)))
    }

    // MARK: - Tokens

    /// The claims of a genuine, current token, or the error that says why it is not.
    func authenticate(_ token: String) throws(AccountError) -> SessionClaims {
        do {
            return try signer.verify(token, now: now())
        } catch {
            switch error {
            case .malformed, .badSignature: throw .sessionInvalid
            case .expired: throw .sessionExpired
            case .revoked: throw .sessionEnded
            }
        }
    }

    private func issueSession(for account: AccountRecord, at issued: Date) -> Session {
        let expiresAt = issued.addingTimeInterval(sessionLifetime)
        let claims = SessionClaims(
            user: account.name, session: UUID().uuidString.lowercased(), issuedAt: issued, expiresAt: expiresAt)
        return Session(
            token: signer.sign(claims), user: account.name, displayName: account.displayName.string,
            expiresAt: expiresAt)
    }

    private func recordRevocation(_ write: () throws(StorageError) -> Void) throws(AccountError) {
        do {
            try write()
        } catch {
            throw .storageUnavailable(error.description)
        }
    }

    // MARK: - Throttling

    private func admitSignIn(for name: String) throws {
        let decision = throttle.admit(try store.failedSignIns(for: name), at: now())
        if case let .refuse(retryAfter) = decision {
            throw AccountError.tooManyFailedSignIns(name: name, retryAfterSeconds: Int(retryAfter.rounded(.up)))
        }
    }

    private func recordFailedSignIn(for name: String) throws {
        let at = now()
        let throttle = throttle
        try store.recordFailedSignIn(for: name, forgetBefore: at.addingTimeInterval(-throttle.forgetAfter)) {
            throttle.failing($0, at: at)
        }
    }
}
