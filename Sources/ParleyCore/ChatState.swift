import Foundation
import ParleyContracts

/// The conversation side of the app: who is signed in, their rooms, and what the timelines hold.
public struct ChatState: Equatable, Sendable {
    public var session: Session?
    /// The user's rooms, in the order the room list shows them (Alt-1 is the first).
    public var rooms: [Room] = []
    public var currentRoom: RoomID?
    /// Each room's known messages, oldest first, at most `timelineLimit`.
    public var timelines: [RoomID: [ChatMessage]] = [:]
    /// Messages sent but not yet confirmed by the messaging service, oldest first.
    public var pending: [PendingMessage] = []
    /// How many lines the timeline is scrolled up from its newest line.
    public var scrollBack = 0
    public var presence: [String: Presence] = [:]
    /// Text to send once a direct conversation being opened exists, by the other user's name.
    var directDrafts: [String: String] = [:]
    /// Every attachment seen, in the order first seen: `/save N` and `/preview N` use the position + 1.
    public var attachments: [AttachmentReference] = []
    /// Files being attached, by transfer, with the room they go to once imported.
    var imports: [TransferID: RoomID] = [:]
    /// What to do with an attachment once the attachment service says where its file is, by attachment id.
    var mediaIntents: [String: MediaIntent] = [:]
    /// Transfers over 1 MiB in progress, for the progress bar.
    public var transfers: [TransferID: TransferProgress] = [:]
    /// A preview, waveform or file summary shown over the timeline until Esc.
    public var overlay: Overlay?
    /// The Ctrl-R search prompt, while it is open.
    public var roomSearch: RoomSearch?
    public var playing: PlaybackPosition?
    /// The video playing in the timeline pane, if any.
    public var video: VideoPlaying?
    var lastHeartbeat: Date?
    var clientID = "local"
    var sentCount = 0

    public static let timelineLimit = 1_000

    public var currentRoomSummary: Room? { rooms.first { $0.id == currentRoom } }

    /// A fresh message id: this instance's id and a counter, unique among every process on the data directory.
    mutating func nextMessageID() -> MessageID {
        sentCount += 1
        return MessageID("\(clientID)-\(sentCount)")
    }

    /// Adds or replaces `message` in its room's timeline, keeping sequence order.
    mutating func store(_ message: ChatMessage) {
        var timeline = timelines[message.room] ?? []
        if let index = timeline.firstIndex(where: { $0.id == message.id }) {
            timeline[index] = message
        } else if let last = timeline.last, last.sequence > message.sequence {
            let index = timeline.firstIndex { $0.sequence > message.sequence } ?? timeline.endIndex
            timeline.insert(message, at: index)
        } else {
            timeline.append(message)
        }
        if timeline.count > Self.timelineLimit { timeline.removeFirst(timeline.count - Self.timelineLimit) }
        for attachment in message.attachments where !attachments.contains(where: { $0.id == attachment.id }) {
            attachments.append(attachment)
        }
        timelines[message.room] = timeline
        pending.removeAll { $0.id == message.id }
    }

    /// `listed`, a room as a listing reported it, unless live events have already shown us a later message in
    /// it: then the listing is older than what we hold, and our unread count stays.
    func newerView(of listed: Room) -> Room {
        guard let held = rooms.first(where: { $0.id == listed.id }), held.latestSequence > listed.latestSequence
        else { return listed }
        var room = listed
        room.unreadCount = held.unreadCount
        room.latestSequence = held.latestSequence
        return room
    }

    /// The number shown beside an attachment (1-based), as `/save N` takes it.
    public func number(of attachment: AttachmentReference) -> Int? {
        attachments.firstIndex { $0.id == attachment.id }.map { $0 + 1 }
    }

    /// Forgets everything of the signed-in user.
    mutating func signOut() {
        let keptClient = (clientID, sentCount)
        self = ChatState()
        (clientID, sentCount) = keptClient
    }
}

/// A message on its way: shown dimmed in its room until the messaging service confirms it. While messaging is
/// off it waits in the outbox (`isQueued`), which is kept on disk, and goes once messaging is back.
public struct PendingMessage: Equatable, Sendable, Codable {
    public var id: MessageID
    public var room: RoomID
    public var text: String
    public var replyTo: MessageID?
    public var attachments: [AttachmentReference]
    /// Waiting for the messaging service to come back, rather than sent and waiting for its reply.
    public var isQueued: Bool

    public init(
        id: MessageID, room: RoomID, text: String, replyTo: MessageID? = nil, attachments: [AttachmentReference] = [],
        isQueued: Bool = false
    ) {
        self.id = id
        self.room = room
        self.text = text
        self.replyTo = replyTo
        self.attachments = attachments
        self.isQueued = isQueued
    }
}

/// What the user asked to do with an attachment whose file is being located.
enum MediaIntent: Equatable, Sendable {
    case preview(AttachmentReference)
    case play(AttachmentReference)
}

/// What is shown over the timeline: an image preview as cells, or lines of text (a waveform, a summary).
public struct Overlay: Equatable, Sendable {
    public var title: String
    public var rows: [[Cell]]
    public var lines: [String]

    public init(title: String, rows: [[Cell]] = [], lines: [String] = []) {
        self.title = title
        self.rows = rows
        self.lines = lines
    }
}
