/// Whether a user is around, from their heartbeats.
public enum Presence: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case online, away, offline

    public var description: String { rawValue }
}
