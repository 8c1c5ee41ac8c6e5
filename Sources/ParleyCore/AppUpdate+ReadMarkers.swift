import Foundation
import ParleyContracts

/// Read markers: the room being read is marked read up to its newest message. Each marker is a write that wakes
/// every other process on the data directory, so while messages stream into the room at once, the marker moves
/// at most once a second of the messages' own time, and the last one held back goes with the next tick or when
/// the user moves to another room. A message a second or more after the last marker is marked at once, so
/// ordinary conversation is marked as it is read.
struct ReadMarks: Equatable, Sendable {
    /// When (in the marked messages' time) each room's marker last went out.
    var lastSent: [RoomID: Date] = [:]
    /// The newest message of each room that is read but not yet marked.
    var held: [RoomID: MessageID] = [:]

    /// The shortest time between two markers of one room while messages stream in.
    static let interval: TimeInterval = 1
}

/// Marks the newest message of `room` read, if it has unread ones: a room the user has just entered.
func markRead(_ room: RoomID, in state: inout AppState) -> [AppEffect] {
    guard let token = state.chat.session?.token, let index = state.chat.rooms.firstIndex(where: { $0.id == room }),
        state.chat.rooms[index].unreadCount > 0, let newest = state.chat.timelines[room]?.last
    else { return [] }
    state.chat.rooms[index].unreadCount = 0
    state.chat.readMarks.held[room] = nil
    state.chat.readMarks.lastSent[room] = newest.sentAt
    return [.messaging(.markRead(token: token, room: room, upTo: newest.id, sendsReceipt: state.sendsReceipts))]
}

/// Marks `message`, just arrived in the room being read, read: at once, or held back while a stream of them
/// comes in.
func markRead(_ message: ChatMessage, in state: inout AppState) -> [AppEffect] {
    let room = message.room
    if let last = state.chat.readMarks.lastSent[room], message.sentAt.timeIntervalSince(last) < ReadMarks.interval,
        let index = state.chat.rooms.firstIndex(where: { $0.id == room })
    {
        state.chat.rooms[index].unreadCount = 0
        state.chat.readMarks.held[room] = message.id
        return []
    }
    return markRead(room, in: &state)
}

/// Sends every marker held back (on the clock, and when leaving a room).
func releaseReadMarks(in state: inout AppState) -> [AppEffect] {
    guard let token = state.chat.session?.token, !state.chat.readMarks.held.isEmpty else { return [] }
    let held = state.chat.readMarks.held.sorted { $0.key.rawValue < $1.key.rawValue }
    state.chat.readMarks.held = [:]
    return held.map { room, id in
        if let sentAt = state.chat.timelines[room]?.last(where: { $0.id == id })?.sentAt {
            state.chat.readMarks.lastSent[room] = sentAt
        }
        return .messaging(.markRead(token: token, room: room, upTo: id, sendsReceipt: state.sendsReceipts))
    }
}
