import Foundation
import ParleyContracts
import ParleyCore
import ServiceRuntime
import Testing

/// The chat, driven message by message through the pure `update`: what the user types, what the services say.
struct ChatFlowTests {
    static let session = Session(token: "tok", user: "alice", displayName: "Alice", expiresAt: .distantFuture)
    static let general = Room(id: RoomID("r1"), kind: .publicRoom, name: "#general", memberCount: 2, unreadCount: 0)
    static let random = Room(id: RoomID("r2"), kind: .publicRoom, name: "#random", memberCount: 2, unreadCount: 0)

    static func message(
        _ id: String, in room: Room = general, from sender: String = "bob", _ text: String, _ sequence: Int64
    )
        -> ChatMessage
    {
        ChatMessage(
            id: MessageID(id), room: room.id, sender: sender, text: text, sentAt: Date(timeIntervalSince1970: 0),
            sequence: sequence)
    }

    static func type(_ text: String, into state: inout AppState) -> [AppEffect] {
        for character in text { _ = update(&state, .input(.key(.character(character)))) }
        return update(&state, .input(.key(.enter)))
    }

    /// Signed in as alice, in #general with its history loaded. Typing notices are off, so that what other
    /// tests expect of a key is only what they test (`TypingFlowTests` turns them on).
    static func signedIn() -> AppState {
        var state = AppState(width: 100, height: 30, services: [], clientID: "c")
        state.sendsTypingNotices = false
        _ = update(&state, .accountReplied(.login(name: "alice", password: "pw"), .success(.session(session))))
        _ = update(
            &state,
            .messagingReplied(.hello(token: "tok"), .success(.welcome(user: "alice", rooms: [general, random]))))
        let page = HistoryPage(room: general.id, messages: [message("m1", "hi", 1)], hasOlder: false, hasNewer: false)
        _ = update(&state, .messagingReplied(.history(token: "tok", room: general.id), .success(.history(page))))
        return state
    }

    @Test func registeringSignsInEntersGeneralAndLoadsItsHistory() {
        var state = AppState(width: 100, height: 30, services: [], clientID: "c")
        #expect(
            Self.type("/register alice secret123 Alice", into: &state)
                == [.account(.register(name: "alice", password: "secret123", displayName: "Alice"))])
        #expect(state.input.isEmpty)
        let effects = update(
            &state, .accountReplied(.login(name: "alice", password: "x"), .success(.session(Self.session))))
        #expect(
            effects == [
                .messaging(.hello(token: "tok")), .account(.heartbeat(token: "tok", presence: .online)),
                .loadOutbox(user: "alice"),
            ])
        let welcome = update(
            &state,
            .messagingReplied(
                .hello(token: "tok"), .success(.welcome(user: "alice", rooms: [Self.random, Self.general]))))
        #expect(state.chat.currentRoom == Self.general.id)
        #expect(welcome == [.messaging(.history(token: "tok", room: Self.general.id, from: .newest, limit: 100))])
    }

    @Test func textBeforeSigningInStaysInTheInputLineWithAReason() {
        var state = AppState(width: 100, height: 30, services: [])
        #expect(Self.type("hello", into: &state) == [])
        #expect(state.input.text == "hello")
        #expect(state.chat.pending.isEmpty)
        #expect(state.notice == "sign in first: /login NAME PASSWORD, or /register NAME PASSWORD to create an account")
    }

    @Test(arguments: ["hello", "/part", "/who", "/attach /tmp/x"])
    func withNoRoomARoomCommandSaysSoInsteadOfDoingNothing(_ line: String) {
        var state = AppState(width: 100, height: 30, services: [], clientID: "c")
        _ = update(&state, .accountReplied(.login(name: "alice", password: "pw"), .success(.session(Self.session))))
        #expect(Self.type(line, into: &state) == [])
        #expect(state.notice == "you are in no room; /join #general to start")
    }

    @Test func sendingShowsThePendingMessageUntilTheServiceConfirmsIt() {
        var state = Self.signedIn()
        let effects = Self.type("hello bob", into: &state)
        #expect(
            effects == [.messaging(.send(token: "tok", room: Self.general.id, id: MessageID("c-1"), text: "hello bob"))]
        )
        #expect(state.chat.pending.map(\.text) == ["hello bob"])
        let stored = Self.message("c-1", from: "alice", "hello bob", 2)
        _ = update(&state, .messagingEvent(.messagePosted(stored)))
        #expect(state.chat.pending.isEmpty)
        #expect(state.chat.timelines[Self.general.id]?.map(\.text) == ["hi", "hello bob"])
    }

    @Test func anotherRoomsMessageCountsAsUnreadAndTheCurrentRoomsIsMarkedRead() {
        var state = Self.signedIn()
        _ = update(
            &state,
            .messagingReplied(
                .history(token: "tok", room: Self.random.id),
                .success(
                    .history(
                        HistoryPage(room: Self.random.id, messages: [], hasOlder: false, hasNewer: false)))))
        _ = update(&state, .input(.key(.alt("1"))))
        _ = update(&state, .messagingEvent(.messagePosted(Self.message("m2", in: Self.random, "psst", 2))))
        #expect(state.chat.rooms.first { $0.id == Self.random.id }?.unreadCount == 1)
        let effects = update(&state, .messagingEvent(.messagePosted(Self.message("m3", "here", 3))))
        #expect(effects == [.messaging(.markRead(token: "tok", room: Self.general.id, upTo: MessageID("m3")))])
        #expect(state.chat.rooms.first { $0.id == Self.general.id }?.unreadCount == 0)
    }

    /// A direct conversation opened in another process: its room listing may be taken after the first message
    /// was stored while the message's own event is still on its way, or the other way round.
    @Test func aMessageIsCountedUnreadOnceWhicheverArrivesFirstTheListingOrItsEvent() {
        let direct = Room(id: RoomID("d1"), kind: .direct, name: "bob", memberCount: 2, unreadCount: 0)
        let posted = AppMsg.messagingEvent(.messagePosted(Self.message("m5", in: direct, "just between us", 5)))
        var listedCounted = direct
        (listedCounted.unreadCount, listedCounted.latestSequence) = (1, 5)
        let listing = { (room: Room) in
            AppMsg.messagingReplied(.listRooms(token: "tok"), .success(.rooms([Self.general, Self.random, room])))
        }

        // The listing already counted the message; its late event must not count it again.
        var listingFirst = Self.signedIn()
        _ = update(&listingFirst, listing(listedCounted))
        _ = update(&listingFirst, posted)
        #expect(listingFirst.chat.rooms.first { $0.id == direct.id }?.unreadCount == 1)

        // The event counted it in a room we knew; a listing taken before the message must not undo that.
        var eventFirst = Self.signedIn()
        _ = update(&eventFirst, listing(direct))
        _ = update(&eventFirst, posted)
        _ = update(&eventFirst, listing(direct))
        #expect(eventFirst.chat.rooms.first { $0.id == direct.id }?.unreadCount == 1)
    }

    @Test func aReadMarkersLateReplyDoesNotTakeTheUserBackToItsRoom() {
        var state = Self.signedIn()
        _ = update(&state, .input(.key(.alt("2"))))
        #expect(state.chat.currentRoom == Self.random.id)
        let marked = AppMsg.messagingReplied(
            .markRead(token: "tok", room: Self.general.id, upTo: MessageID("m1")), .success(.room(Self.general)))
        #expect(update(&state, marked) == [])
        #expect(state.chat.currentRoom == Self.random.id)
    }

    @Test func aRoomWithNoHistoryYetShowsTheNextMessage() {
        var state = Self.signedIn()
        _ = update(&state, .input(.key(.control("n"))))
        let empty = HistoryPage(room: Self.random.id, messages: [], hasOlder: false, hasNewer: false)
        _ = update(&state, .messagingReplied(.history(token: "tok", room: Self.random.id), .success(.history(empty))))
        _ = update(&state, .messagingEvent(.messagePosted(Self.message("m9", in: Self.random, "first!", 9))))
        #expect(state.chat.timelines[Self.random.id]?.map(\.text) == ["first!"])
    }

    @Test func searchResultsAreListedNewestFirstWithTheirRoom() {
        var state = Self.signedIn()
        let request = MessagingRequest.search(token: "tok", text: "tea", room: nil, limit: 20)
        #expect(Self.type("/search tea", into: &state) == [.messaging(request)])
        var older = Self.message("m1", "tea at\nfour", 1)
        older.sentAt = Date(timeIntervalSince1970: 100)
        var newer = Self.message("m2", in: Self.random, "more tea", 2)
        newer.sentAt = Date(timeIntervalSince1970: 200)
        _ = update(&state, .messagingReplied(request, .success(.found([older, newer]))))
        #expect(state.chat.overlay?.title == "2 found for “tea” (Esc closes)")
        #expect(state.chat.overlay?.lines == ["#random  bob: more tea", "#general  bob: tea at four"])
    }

    @Test func joiningARoomNobodyMadeYetMakesIt() {
        var state = Self.signedIn()
        #expect(Self.type("/join #tea", into: &state) == [.messaging(.joinRoom(token: "tok", name: "#tea"))])
        let effects = update(
            &state, .messagingReplied(.joinRoom(token: "tok", name: "#tea"), .failure(.refused(.unknownRoom("#tea")))))
        #expect(effects == [.messaging(.createRoom(token: "tok", name: "#tea"))])
    }

    @Test func msgOpensTheDirectConversationThenSendsTheText() {
        var state = Self.signedIn()
        #expect(Self.type("/msg Bob see you", into: &state) == [.messaging(.openDirect(token: "tok", user: "Bob"))])
        let direct = Room(id: RoomID("d1"), kind: .direct, name: "bob", memberCount: 2, unreadCount: 0)
        let effects = update(&state, .messagingReplied(.openDirect(token: "tok", user: "Bob"), .success(.room(direct))))
        #expect(state.chat.currentRoom == direct.id)
        #expect(
            effects.contains(.messaging(.send(token: "tok", room: direct.id, id: MessageID("c-1"), text: "see you"))))
    }

    @Test func anActionRefusedBecauseAccountIsOffNamesIt() {
        var state = Self.signedIn()
        let request = AccountRequest.updateProfile(token: "tok", displayName: "Al", statusText: nil)
        #expect(Self.type("/nick Al", into: &state) == [.account(request)])
        _ = update(&state, .accountReplied(request, .failure(.unavailable(service: "account"))))
        #expect(state.notice == "account unavailable: profile changes resume when it is back")
    }

    @Test func ctrlNAndAltDigitsSwitchRoomsAndLoadHistoryOnce() {
        var state = Self.signedIn()
        #expect(
            update(&state, .input(.key(.control("n")))) == [
                .messaging(.history(token: "tok", room: Self.random.id, from: .newest, limit: 100))
            ])
        #expect(state.chat.currentRoom == Self.random.id)
        #expect(update(&state, .input(.key(.alt("1")))) == [])
        #expect(state.chat.currentRoom == Self.general.id)
    }

    @Test func tabCompletesCommandsAndNames() {
        var state = Self.signedIn()
        for character in "/he" { _ = update(&state, .input(.key(.character(character)))) }
        _ = update(&state, .input(.key(.tab)))
        #expect(state.input.text == "/help ")
        state.input.replace(with: "b")
        _ = update(&state, .input(.key(.tab)))
        #expect(state.input.text == "@bob: ")
    }

    @Test func heartbeatsGoOutEveryTenSecondsWhileSignedIn() {
        var state = Self.signedIn()
        let start = Date(timeIntervalSince1970: 1_000)
        #expect(update(&state, .tick(start)) == [.account(.heartbeat(token: "tok", presence: .online))])
        #expect(update(&state, .tick(start + 5)) == [])
        #expect(update(&state, .tick(start + 10)) == [.account(.heartbeat(token: "tok", presence: .online))])
    }

    @Test func aReplyForAnEndedSessionIsIgnored() {
        var state = Self.signedIn()
        _ = Self.type("/logout", into: &state)
        #expect(state.chat.session == nil)
        _ = update(
            &state, .messagingReplied(.hello(token: "tok"), .success(.welcome(user: "alice", rooms: [Self.general]))))
        #expect(state.chat.rooms.isEmpty)
    }
}

/// `/edit`, `/delete` and `/reply` act on the newest fitting message of the current room.
struct MessageActionTests {
    static func withConversation() -> AppState {
        var state = ChatFlowTests.signedIn()
        _ = update(&state, .messagingEvent(.messagePosted(ChatFlowTests.message("m2", from: "alice", "helo", 2))))
        _ = update(&state, .messagingEvent(.messagePosted(ChatFlowTests.message("m3", from: "bob", "hi!", 3))))
        return state
    }

    @Test func editAndDeleteActOnYourLastMessage() {
        var state = Self.withConversation()
        #expect(
            ChatFlowTests.type("/edit hello", into: &state)
                == [.messaging(.edit(token: "tok", message: MessageID("m2"), text: "hello"))])
        #expect(
            ChatFlowTests.type("/delete", into: &state) == [.messaging(.delete(token: "tok", message: MessageID("m2")))]
        )
    }

    @Test func replyAnswersTheLastMessageSomeoneElseSent() {
        var state = Self.withConversation()
        #expect(
            ChatFlowTests.type("/reply hey bob", into: &state)
                == [
                    .messaging(
                        .send(
                            token: "tok", room: ChatFlowTests.general.id, id: MessageID("c-1"), text: "hey bob",
                            replyTo: MessageID("m3")))
                ])
    }

    @Test func withNothingOfYoursThereIsNothingToEdit() {
        var state = ChatFlowTests.signedIn()
        #expect(ChatFlowTests.type("/delete", into: &state) == [])
        #expect(state.notice == "you have no message in this room to change")
    }

    @Test func deletingAMessageReleasesItsFilesToBeCollected() {
        var state = Self.withConversation()
        // The service's tombstone keeps neither text nor attachments.
        var deleted = ChatFlowTests.message("m2", from: "alice", "", 2)
        deleted.isDeleted = true
        let effects = update(
            &state, .messagingReplied(.delete(token: "tok", message: MessageID("m2")), .success(.message(deleted))))
        #expect(effects == [.attachment(.release(token: "tok", message: MessageID("m2")))])
    }
}
