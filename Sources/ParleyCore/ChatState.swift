import Foundation
import ParleyContracts

/// The conversation side of the app: who is signed in, their rooms, and what the timelines hold.
public struct ChatState: Equatable, Sendable {
    public var session: Session?
    /// The user's rooms, in the order the room list shows them (Alt-1 is the first).
    public var rooms: [Room] = []
    public var currentRoom: RoomID?
    /// Each room's loaded messages, oldest first: a window of its history (see `windows`), at most
    /// `timelineLimit` while the newest are read, more while the user pages back through history.
    public var timelines: [RoomID: [ChatMessage]] = [:]
    /// Which part of each room's history its timeline holds, and the page being fetched.
    public var windows: [RoomID: TimelineWindow] = [:]
    /// Alerts are for messages sent from this time on (the last tick before sign-in): older ones are history.
    var alertsSince: Date?
    /// Messages from others that arrived for rooms not yet listed, rung when the listing brings their room.
    var unlistedArrivals: [ChatMessage] = []
    /// Who is typing where, and the user's own typing notice.
    var typing = TypingState()
    /// How far each member has read each room, by room and member name (`AppUpdate+Receipts.swift`).
    public var receipts: [RoomID: [String: ReadReceipt]] = [:]
    /// Tab completion's member lists (`AppUpdate+Completion.swift`): each room's, once asked for, until
    /// someone joins or leaves; and the rooms whose list was asked for by Tab, with the line as Tab saw it.
    var completionMembers: [RoomID: [String]] = [:]
    var completionAsked: [RoomID: String] = [:]
    /// Messages naming the user that came into each room since the user last read it (the room list shows
    /// the count beside the unread count).
    public var highlights: [RoomID: Int] = [:]
    /// Messages sent but not yet confirmed by the messaging service, oldest first.
    public var pending: [PendingMessage] = []
    /// How many lines the timeline is scrolled up from its newest loaded line.
    public var scrollBack = 0
    /// After a jump to the room's first message (Alt-Home): how many lines the timeline is scrolled down from
    /// its oldest line; `scrollBack` then counts for nothing. Nil when reading from the newest end.
    public var scrollFromTop: Int?
    public var presence: [String: Presence] = [:]
    /// Text to send once a direct conversation being opened exists, by the other user's name.
    var directDrafts: [String: String] = [:]
    /// Every attachment seen, in the order first seen: `/save N` and `/preview N` use the position + 1.
    public var attachments: [AttachmentReference] = []
    /// Files being attached, by transfer, with the room they go to once imported.
    var imports: [TransferID: RoomID] = [:]
    /// What to do with an attachment once the attachment service says where its file is, by attachment id.
    var mediaIntents: [String: MediaIntent] = [:]
    /// The name of each attachment located for the media service, by the file's path: a homeserver's files
    /// are stored under their content's hash, so the path does not name the attachment.
    var locatedNames: [String: String] = [:]
    /// Transfers over 1 MiB in progress, for the progress bar.
    public var transfers: [TransferID: TransferProgress] = [:]
    /// A preview, waveform or file summary shown over the timeline until Esc.
    public var overlay: Overlay?
    /// The Ctrl-R search prompt, while it is open.
    public var roomSearch: RoomSearch?
    public var playing: PlaybackPosition?
    /// The welcome failed (messaging off at sign-in): it is asked for again when messaging is back.
    var awaitsWelcome = false
    /// The rooms and timelines shown are those kept from last time, not yet refreshed by messaging.
    public var isCachedView = false
    /// The kept session whose last screen (`OpeningScreen`) is shown while the account service has not
    /// answered yet; nil once it has. Its token is empty: it only names who the screen belongs to.
    public internal(set) var openingSession: Session?
    /// The video playing in the timeline pane, if any.
    public var video: VideoPlaying?
    var lastHeartbeat: Date?
    /// Read markers held back while messages stream into the room being read (`AppUpdate+ReadMarkers.swift`).
    var readMarks = ReadMarks()
    var clientID = "local"
    var sentCount = 0

    public static let timelineLimit = 1_000

    public var currentRoomSummary: Room? { rooms.first { $0.id == currentRoom } }

    /// A fresh message id: this instance's id and a counter, unique among every process on the data directory.
    mutating func nextMessageID() -> MessageID {
        sentCount += 1
        return MessageID("\(clientID)-\(sentCount)")
    }

    /// Adds or replaces `message` in its room's timeline, keeping sequence order. A message newer than the
    /// room's newest, which is what live events bring, is appended in place: no scan, no copy of the timeline.
    /// A message newer than a window that does not reach the newest is left for paging to bring.
    mutating func store(_ message: ChatMessage) {
        let room = message.room
        // Taken out of the dictionary so that it is not shared, and changes in place instead of being copied.
        var timeline = timelines.removeValue(forKey: room) ?? []
        defer { timelines[room] = timeline }
        noteAttachments(of: message)
        if !pending.isEmpty { pending.removeAll { $0.id == message.id } }
        if let last = timeline.last, last.sequence < message.sequence {
            guard windows[room]?.hasNewer != true else { return }
            timeline.append(message)  // the usual case: a new message, newer than any held
        } else if timeline.isEmpty {
            timeline.append(message)
        } else {
            timeline.place(message)
        }
        let isReadingHistory = room == currentRoom && (scrollFromTop != nil || scrollBack > 0)
        if !isReadingHistory { Self.trim(&timeline, window: &windows[room, default: TimelineWindow()], slack: true) }
    }

    /// Whether `message` is already in its room's timeline.
    func holds(_ message: ChatMessage) -> Bool {
        guard let timeline = timelines[message.room], let newest = timeline.last,
            newest.sequence >= message.sequence
        else { return false }
        return timeline.position(of: message) != nil
    }

    /// Back at the newest end: the window shrinks to the newest `timelineLimit` messages again.
    mutating func trimToNewest(_ room: RoomID) {
        guard var timeline = timelines.removeValue(forKey: room) else { return }
        Self.trim(&timeline, window: &windows[room, default: TimelineWindow()], slack: false)
        timelines[room] = timeline
    }

    /// Keeps the newest `timelineLimit` messages. With `slack`, only once an eighth more have come in: removing
    /// from the front moves the whole timeline, so a stream of new messages trims in steps, not at each one.
    private static func trim(_ timeline: inout [ChatMessage], window: inout TimelineWindow, slack: Bool) {
        guard timeline.count > timelineLimit + (slack ? timelineLimit / 8 : 0) else { return }
        timeline.removeFirst(timeline.count - timelineLimit)
        window.hasOlder = true
    }

    /// Numbers the attachments of `message` for `/save N` the first time they are seen.
    mutating func noteAttachments(of message: ChatMessage) {
        for attachment in message.attachments where !attachments.contains(where: { $0.id == attachment.id }) {
            attachments.append(attachment)
        }
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
    /// A file to attach, as typed, while the attachment service has not yet taken it in: `/attach` with the
    /// service off queues the file; once imported, the message carries it in `attachments` instead.
    public var file: String?

    public init(
        id: MessageID, room: RoomID, text: String, replyTo: MessageID? = nil, attachments: [AttachmentReference] = [],
        isQueued: Bool = false, file: String? = nil
    ) {
        self.id = id
        self.room = room
        self.text = text
        self.replyTo = replyTo
        self.attachments = attachments
        self.isQueued = isQueued
        self.file = file
    }

    /// What the timeline shows for it: its text, or the files it carries or waits to carry.
    public var summary: String {
        if let file { return "📎 " + (file.split(separator: "/").last.map(String.init) ?? file) }
        return attachments.isEmpty ? text : "📎 " + attachments.map(\.name).joined(separator: ", ")
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
    /// The first of `lines` shown: PgUp and PgDn move it.
    public var scroll = 0
    /// Search results that filled the page asked: the request for the next page, which scrolling near their
    /// end sends. Kept with the overlay, so that another overlay in its place never asks for it.
    var nextPage: MessagingRequest?
    /// The next page asked for, until its reply adds to these lines.
    var pageLoading: MessagingRequest?

    public init(title: String, rows: [[Cell]] = [], lines: [String] = []) {
        self.title = title
        self.rows = rows
        self.lines = lines
    }
}

extension [ChatMessage] {
    /// Where `message` is in a timeline in sequence order: found by its sequence, or by its id if a message
    /// with that id sits elsewhere.
    fileprivate func position(of message: ChatMessage) -> Int? {
        let index = insertionPoint(of: message.sequence)
        if index < count, self[index].id == message.id { return index }
        return firstIndex { $0.id == message.id }
    }

    /// The first position whose message is not older than `sequence` (binary search).
    fileprivate func insertionPoint(of sequence: Int64) -> Int {
        var (low, high) = (0, count)
        while low < high {
            let middle = (low + high) / 2
            if self[middle].sequence < sequence { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Replaces the message of the same id, or inserts `message` in sequence order.
    fileprivate mutating func place(_ message: ChatMessage) {
        if let index = position(of: message) {
            self[index] = message
        } else {
            insert(message, at: insertionPoint(of: message.sequence + 1))
        }
    }
}
