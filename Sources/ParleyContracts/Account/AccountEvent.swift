/// What the account service announces, whichever process sharing the data directory made the change.
public enum AccountEvent: Sendable, Equatable {
    /// A user came online, went away, or went offline (signed off, or no heartbeat within the presence interval).
    case presenceChanged(name: String, presence: Presence)
    /// A user registered or changed their display name or status.
    case profileChanged(UserProfile)
}
