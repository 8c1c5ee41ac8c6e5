import Foundation
import ParleyContracts

/// Profiles, the directory and presence.
extension AccountHandler {
    /// The most a directory search returns, whatever the caller asks for.
    static let directoryLimit = 500

    func updateProfile(token: String, displayName: String?, statusText: String?) throws -> AccountReply {
        let claims = try authenticate(token)
        let displayName = try displayName.map(AccountRules.displayName)
        let status = try statusText.map(AccountRules.status)
        guard let row = try store.updateProfile(of: claims.user, displayName: displayName, status: status) else {
            throw AccountError.sessionInvalid
        }
        feed.refresh()
        return .profile(row.profile(at: now(), presenceTimeout: presenceTimeout))
    }

    func profile(name typed: String) throws -> AccountReply {
        guard let name = AccountRules.canonicalName(typed), let row = try store.profiles(named: [name]).first else {
            throw AccountError.unknownUser(typed)
        }
        return .profile(row.profile(at: now(), presenceTimeout: presenceTimeout))
    }

    func directory(search: String, limit: Int) throws -> AccountReply {
        let folded = search.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let rows = try store.directory(matching: folded, limit: min(max(limit, 0), Self.directoryLimit))
        let at = now()
        return .directory(rows.map { $0.profile(at: at, presenceTimeout: presenceTimeout) })
    }

    func heartbeat(token: String, presence: Presence) throws -> AccountReply {
        let claims = try authenticate(token)
        try store.recordHeartbeat(of: claims.user, state: presence.rawValue, at: now())
        feed.refresh()
        return .done
    }

    func presence(of typedNames: [String]) throws -> AccountReply {
        var names: [String] = []
        for typed in typedNames {
            guard let name = AccountRules.canonicalName(typed) else { throw AccountError.unknownUser(typed) }
            names.append(name)
        }
        let rows = try store.profiles(named: names)
        let found = Set(rows.map(\.account.name))
        if let missing = zip(typedNames, names).first(where: { !found.contains($0.1) }) {
            throw AccountError.unknownUser(missing.0)
        }
        let at = now()
        return .presence(
            Dictionary(
                rows.map { ($0.account.name, $0.presence?.effective(at: at, timeout: presenceTimeout) ?? .offline) },
                uniquingKeysWith: { first, _ in first }))
    }
}
