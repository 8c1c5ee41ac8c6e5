import ParleyContracts

/// What the user's own messages show of how far the others have read the room: `✓` once stored (delivered),
/// `✓✓` once every other member has read it, and in a small room the names of who has read up to it, on the
/// newest of the user's messages each reader has reached (not on every older one). Worked out once a frame
/// from the room's receipts; each message's mark is then a comparison and a lookup.
struct ReceiptMarks {
    /// One message's mark: part of the layout cache's key, so a message is laid out again when it changes.
    struct Mark: Hashable {
        var isReadByAll: Bool
        /// Who has read up to this message and no further mine, in order; empty in larger rooms.
        var readers: [String]
    }

    /// Rooms of at most this many members name the readers; larger ones show only `✓` and `✓✓`.
    static let namedReadersLimit = 5

    let me: String
    /// Every other member has read up to this sequence; nil while some have sent no receipt, or nobody else is
    /// in the room.
    private let readByAllUpTo: Int64?
    private let readers: [MessageID: [String]]

    /// - Parameters:
    ///   - receipts: the other members' receipts, by name.
    ///   - messages: the room's loaded messages, oldest first.
    init(me: String, receipts: [String: ReadReceipt], memberCount: Int, messages: [ChatMessage]) {
        self.me = me
        let others = max(0, memberCount - 1)
        readByAllUpTo = others > 0 && receipts.count >= others ? receipts.values.map(\.sequence).min() : nil
        var readers: [MessageID: [String]] = [:]
        if memberCount <= Self.namedReadersLimit {
            for (user, receipt) in receipts.sorted(by: { $0.key < $1.key }) {
                if let reached = Self.newestMine(upTo: receipt.sequence, in: messages, me: me) {
                    readers[reached, default: []].append(user)
                }
            }
        }
        self.readers = readers
    }

    /// The mark of `message`: nil for others' messages, tombstones and notices.
    func mark(for message: ChatMessage) -> Mark? {
        guard message.sender == me, !message.isDeleted, message.notice == nil else { return nil }
        let isReadByAll = readByAllUpTo.map { message.sequence <= $0 } ?? false
        return Mark(isReadByAll: isReadByAll, readers: readers[message.id] ?? [])
    }

    /// The newest of the user's messages at or below `sequence`: found by bisection, then a walk back over
    /// others' messages, which stops at the first of the user's.
    private static func newestMine(upTo sequence: Int64, in messages: [ChatMessage], me: String) -> MessageID? {
        var low = messages.startIndex
        var high = messages.endIndex
        while low < high {
            let middle = (low + high) / 2
            if messages[middle].sequence <= sequence { low = middle + 1 } else { high = middle }
        }
        var index = low - 1
        while index >= messages.startIndex {
            let message = messages[index]
            if message.sender == me && !message.isDeleted && message.notice == nil { return message.id }
            index -= 1
        }
        return nil
    }
}

extension TimelineLines {
    /// The mark beside one of the user's messages: `✓` dimmed, or `✓✓` in bold (told apart without colours
    /// too), then the readers' names.
    func receiptSegments(_ mark: ReceiptMarks.Mark?) -> [StyledLine.Segment] {
        guard let mark else { return [] }
        var segments: [StyledLine.Segment] = [
            mark.isReadByAll
                ? .init(text: " ✓✓", foreground: .indexed(2), attributes: .bold)
                : .init(text: " ✓", attributes: .dim)
        ]
        if !mark.readers.isEmpty {
            segments.append(.init(text: " read by " + mark.readers.joined(separator: ", "), attributes: .dim))
        }
        return segments
    }
}
