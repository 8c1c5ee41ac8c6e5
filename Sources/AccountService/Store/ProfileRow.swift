import Foundation
import ParleyContracts

/// A user's profile as stored, with their presence row if they ever sent a heartbeat.
struct ProfileRow: Sendable, Equatable {
    var account: AccountRecord
    var presence: PresenceRecord?

    /// The profile as others see it at `now`.
    func profile(at now: Date, presenceTimeout: TimeInterval) -> UserProfile {
        UserProfile(
            name: account.name, displayName: account.displayName.string, status: account.status.string,
            presence: presence?.effective(at: now, timeout: presenceTimeout) ?? .offline)
    }
}
