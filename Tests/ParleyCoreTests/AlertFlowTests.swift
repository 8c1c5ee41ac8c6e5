import Foundation
import ParleyContracts
import ParleyCore
import Testing

/// Mentions and direct messages: counted as highlights in the room list and rung as alerts, only for live
/// messages from others in a room the user is not looking at.
struct AlertFlowTests {
    static let direct = Room(id: RoomID("d1"), kind: .direct, name: "carol", memberCount: 2, unreadCount: 0)

    /// Signed in as alice (display name Alice) in #general, with #random and a direct room with carol.
    static func signedIn() -> AppState {
        var state = ChatFlowTests.signedIn()
        state.chat.rooms.append(direct)
        return state
    }

    static func posted(_ id: String, in room: Room, from sender: String, _ text: String, _ sequence: Int64) -> AppMsg {
        .messagingEvent(.messagePosted(ChatFlowTests.message(id, in: room, from: sender, text, sequence)))
    }

    @Test func aMentionInAnotherRoomRingsOnceAndCountsAHighlight() {
        var state = Self.signedIn()
        let effects = update(&state, Self.posted("m9", in: ChatFlowTests.random, from: "bob", "alice, look", 9))
        #expect(
            effects == [
                .alert(
                    Alert(
                        reason: .mention, room: ChatFlowTests.random.id, roomName: "#random", sender: "bob",
                        text: "alice, look"))
            ])
        #expect(state.chat.highlights[ChatFlowTests.random.id] == 1)
        _ = update(&state, Self.posted("m10", in: ChatFlowTests.random, from: "bob", "and Alice again", 10))
        #expect(state.chat.highlights[ChatFlowTests.random.id] == 2)
        #expect(state.chat.rooms.first { $0.id == ChatFlowTests.random.id }?.unreadCount == 2)
    }

    @Test func enteringTheRoomClearsItsHighlights() {
        var state = Self.signedIn()
        _ = update(&state, Self.posted("m9", in: ChatFlowTests.random, from: "bob", "@alice hi", 9))
        _ = update(&state, .input(.key(.alt("2"))))
        #expect(state.chat.highlights[ChatFlowTests.random.id] == nil)
    }

    @Test func aDirectMessageElsewhereRingsWithItsFirstWords() {
        var state = Self.signedIn()
        let long = String(repeating: "word ", count: 40)
        let effects = update(&state, Self.posted("d2", in: Self.direct, from: "carol", long, 2))
        guard case let .alert(alert)? = effects.first else {
            Issue.record("expected an alert, got \(effects)")
            return
        }
        #expect(alert.reason == .directMessage)
        #expect(alert.title == "carol")
        #expect(alert.preview.count == Alert.previewLength)
        #expect(alert.preview.hasSuffix("…"))
        #expect(state.chat.highlights[Self.direct.id] == nil)
    }

    @Test func nothingRingsInTheRoomBeingReadForOwnMessagesOrForPlainChatter() {
        var state = Self.signedIn()
        let inGeneral = update(&state, Self.posted("m5", in: ChatFlowTests.general, from: "bob", "alice: here", 5))
        #expect(!inGeneral.contains { if case .alert = $0 { true } else { false } })
        #expect(state.chat.highlights.isEmpty)
        let own = update(&state, Self.posted("m6", in: ChatFlowTests.random, from: "alice", "alice talks", 6))
        #expect(own == [])
        let chatter = update(&state, Self.posted("m7", in: ChatFlowTests.random, from: "bob", "lunch?", 7))
        #expect(chatter == [])
    }

    @Test func theRoomBeingReadRingsWhileTheDebugPanelCoversIt() {
        var state = Self.signedIn()
        state.isDebugPanelOpen = true
        let effects = update(&state, Self.posted("m5", in: ChatFlowTests.general, from: "bob", "alice?", 5))
        #expect(effects.contains { if case .alert = $0 { true } else { false } })
    }

    @Test func aMessageAlreadyCountedByTheRoomListingStillRingsOnce() {
        var state = Self.signedIn()
        state.chat.rooms[1].latestSequence = 20  // listed just after the message was stored
        #expect(update(&state, Self.posted("m9", in: ChatFlowTests.random, from: "bob", "alice", 9)).count == 1)
        #expect(state.chat.rooms[1].unreadCount == 0)  // counted by the listing, not again
    }

    @Test func tabCompletesMentionsLocallyAndOnMatrix() {
        var state = ChatFlowTests.signedIn()
        state.input.replace(with: "thanks @b")
        _ = update(&state, .input(.key(.tab)))
        #expect(state.input.text == "thanks @bob ")
        state.chat.session?.server = "example.org"
        state.input.replace(with: "b")
        _ = update(&state, .input(.key(.tab)))
        #expect(state.input.text == "@bob:example.org: ")
        state.input.replace(with: "hi @bob:ex")
        _ = update(&state, .input(.key(.tab)))
        #expect(state.input.text == "hi @bob:example.org ")
    }
}

extension AlertFlowTests {
    @Test func aDirectMessageInARoomNotYetListedRingsOnceTheListingBringsIt() {
        var state = ChatFlowTests.signedIn()
        let first = update(&state, Self.posted("d1", in: Self.direct, from: "carol", "psst", 1))
        #expect(first == [.messaging(.listRooms(token: "tok"))])
        var listed = Self.direct
        listed.unreadCount = 1
        listed.latestSequence = 1
        let rooms = [ChatFlowTests.general, ChatFlowTests.random, listed]
        let effects = update(&state, .messagingReplied(.listRooms(token: "tok"), .success(.rooms(rooms))))
        #expect(
            effects == [
                .alert(
                    Alert(
                        reason: .directMessage, room: Self.direct.id, roomName: "carol", sender: "carol", text: "psst"))
            ])
        // Once only: the next listing rings nothing
        #expect(update(&state, .messagingReplied(.listRooms(token: "tok"), .success(.rooms(rooms)))) == [])
    }
}

extension AlertFlowTests {
    @Test func messagesSentBeforeTheSignInAreHistoryAndNeverRing() {
        var state = AppState(width: 100, height: 30, services: [], clientID: "c")
        _ = update(&state, .tick(Date(timeIntervalSince1970: 1_000)))
        _ = update(
            &state, .accountReplied(.login(name: "alice", password: "pw"), .success(.session(ChatFlowTests.session))))
        _ = update(
            &state,
            .messagingReplied(
                .hello(token: "tok"), .success(.welcome(user: "alice", rooms: [ChatFlowTests.general, Self.direct]))))
        var old = ChatFlowTests.message("d1", in: Self.direct, from: "carol", "from yesterday", 1)
        old.sentAt = Date(timeIntervalSince1970: 900)
        #expect(update(&state, .messagingEvent(.messagePosted(old))) == [])
        var new = ChatFlowTests.message("d2", in: Self.direct, from: "carol", "just now", 2)
        new.sentAt = Date(timeIntervalSince1970: 1_001)
        #expect(update(&state, .messagingEvent(.messagePosted(new))).count == 1)
    }
}
