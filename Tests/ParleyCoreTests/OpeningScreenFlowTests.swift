import Foundation
import ParleyContracts
import Synchronization
import Testing

@testable import ParleyCore

/// The kept user's last screen, shown at start until the services answer (issue 8's first frame): the live
/// state replaces it, another user's sign-in never shows it, and what is typed meanwhile is not lost.
struct OpeningScreenFlowTests {
    static let general = ChatFlowTests.general
    static let random = ChatFlowTests.random
    static let screen = OpeningScreen(
        user: "alice", server: nil, displayName: "Alice", rooms: [general, random], currentRoom: random.id,
        messages: [ChatFlowTests.message("m7", in: random, "said before", 7)])

    static func opened() -> AppState {
        var state = AppState(width: 100, height: 30, opening: screen)
        #expect(startUp(&state) == [.account(.resume)])
        return state
    }

    @Test func theLastScreenIsShownBeforeTheSessionComes() {
        let state = Self.opened()
        #expect(state.chat.session == nil)
        #expect(state.chat.shownSession?.user == "alice")
        #expect(state.chat.currentRoomSummary == Self.random)
        #expect(state.chat.timelines[Self.random.id]?.map(\.text) == ["said before"])
    }

    @Test func theLiveStateReplacesIt() {
        var state = Self.opened()
        let resumed = update(&state, .accountReplied(.resume, .success(.session(ChatFlowTests.session))))
        #expect(resumed.contains(.messaging(.hello(token: "tok"))))
        // Signed in, the same screen stays until the welcome: no flash of an empty chat.
        #expect(state.chat.currentRoomSummary == Self.random)
        #expect(state.chat.timelines[Self.random.id]?.map(\.text) == ["said before"])

        var live = Self.random
        live.unreadCount = 3
        let welcomed = update(
            &state,
            .messagingReplied(.hello(token: "tok"), .success(.welcome(user: "alice", rooms: [Self.general, live]))))
        #expect(welcomed == [.messaging(.history(token: "tok", room: Self.random.id, from: .newest, limit: 100))])
        #expect(state.chat.rooms == [Self.general, live])
        #expect(!state.chat.isCachedView)
        _ = update(
            &state,
            .messagingReplied(
                .history(token: "tok", room: Self.random.id, from: .newest, limit: 100),
                .success(
                    .history(
                        HistoryPage(
                            room: Self.random.id,
                            messages: [
                                ChatFlowTests.message("m7", in: Self.random, "said before", 7),
                                ChatFlowTests.message("m8", in: Self.random, "said since", 8),
                            ], hasOlder: false, hasNewer: false)))))
        #expect(state.chat.timelines[Self.random.id]?.map(\.text) == ["said before", "said since"])
    }

    @Test func anotherUsersSessionNeverShowsIt() {
        var state = Self.opened()
        let bob = Session(token: "bobs", user: "bob", displayName: "Bob", expiresAt: .distantFuture)
        _ = update(&state, .accountReplied(.resume, .success(.session(bob))))
        #expect(state.chat.rooms.isEmpty)
        #expect(state.chat.timelines.isEmpty)
        #expect(state.chat.shownSession?.user == "bob")
    }

    @Test func noSessionToResumeBringsTheWelcomeScreenBack() {
        var state = Self.opened()
        _ = update(&state, .accountReplied(.resume, .failure(.refused(.noStoredSession))))
        #expect(state.chat.shownSession == nil)
        #expect(state.chat.rooms.isEmpty)
        #expect(state.notice?.contains("sign in with /login") == true)
    }

    @Test func aCommandTypedBeforeTheSessionComesRunsWithIt() {
        var state = Self.opened()
        #expect(ChatFlowTests.type("/join #news", into: &state) == [])
        #expect(state.notice == "/join waits for the sign-in")
        let resumed = update(&state, .accountReplied(.resume, .success(.session(ChatFlowTests.session))))
        #expect(resumed.contains(.messaging(.joinRoom(token: "tok", name: "#news"))))
    }

    @Test func theWriterKeepsTheCurrentRoomsNewestMessagesForTheNextStart() throws {
        final class Screens: OpeningScreenStore {
            let saved = Mutex<[OpeningScreen]>([])
            func save(_ screen: OpeningScreen) throws { saved.withLock { $0.append(screen) } }
        }
        let screens = Screens()
        let writer = ClientCacheWriter(
            cache: ClientCacheWriterTests.CountingCache(), screens: screens, interval: .seconds(30)
        ) { _ in }
        var state = ChatFlowTests.signedIn()
        for number in 1...150 {
            _ = update(
                &state,
                .messagingEvent(
                    .messagePosted(ChatFlowTests.message("n\(number)", "news \(number)", Int64(number + 1)))))
        }
        writer.offer(state.chat, user: "alice")
        #expect(writer.flush() == nil)
        let saved = try #require(screens.saved.withLock { $0.last })
        #expect(saved.user == "alice")
        #expect(saved.rooms == state.chat.rooms)
        #expect(saved.currentRoom == Self.general.id)
        #expect(saved.messages.count == OpeningScreen.messageLimit)
        #expect(saved.messages.last?.text == "news 150")
    }
}
