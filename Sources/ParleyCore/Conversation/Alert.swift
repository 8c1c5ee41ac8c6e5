import ParleyContracts

/// Something the user should notice while looking elsewhere: a message that names them, or a direct message,
/// in a room they are not looking at. The front end rings the terminal bell for it and, where it can, shows a
/// desktop notification; the user's settings may turn either off.
public struct Alert: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        case mention
        case directMessage
    }

    public var reason: Reason
    public var room: RoomID
    /// The room as the room list names it (`#general`, or the other user of a direct conversation).
    public var roomName: String
    public var sender: String
    /// The first words of the message, on one line; untrusted text that whoever shows it makes safe.
    public var preview: String

    /// The most characters of a message an alert carries.
    public static let previewLength = 80

    public init(reason: Reason, room: RoomID, roomName: String, sender: String, text: String) {
        self.reason = reason
        self.room = room
        self.roomName = roomName
        self.sender = sender
        let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        preview = oneLine.count > Self.previewLength ? oneLine.prefix(Self.previewLength - 1) + "…" : oneLine
    }

    /// The notification's title: who, and where unless it is a direct conversation with them.
    public var title: String {
        reason == .directMessage ? sender : "\(sender) in \(roomName)"
    }
}
