import Foundation
import ParleyContracts
import ParleyCore
import ServiceRuntime
import Testing

/// Messaging down at sign-in (issue 9, defect 9): the rooms kept from last time are shown, the user lands in
/// the room they were in and writes to the outbox; the welcome is asked for again when messaging is back.
struct CachedViewTests {
    static let random = ChatFlowTests.random
    static let kept = CachedView(
        rooms: [ChatFlowTests.general, random], currentRoom: random.id,
        timelines: [random.id: [ChatFlowTests.message("m7", in: random, "said before", 7)]])

    /// Signed in as alice with messaging stopped: the welcome has not come.
    static func signedInWithMessagingDown() -> (AppState, [AppEffect]) {
        var state = AppState(
            width: 100, height: 30,
            services: [ServiceStatus(name: "messaging", state: .stopped)], clientID: "c")
        _ = update(
            &state, .accountReplied(.login(name: "alice", password: "pw"), .success(.session(ChatFlowTests.session))))
        let effects = update(
            &state, .messagingReplied(.hello(token: "tok"), .failure(.unavailable(service: "messaging"))))
        return (state, effects)
    }

    @Test func theRoomsOfLastTimeAreShownAndTheUserWritesToTheOutbox() {
        var (state, effects) = Self.signedInWithMessagingDown()
        #expect(effects == [.loadCache(user: "alice")])
        _ = update(&state, .cacheLoaded(user: "alice", view: Self.kept))
        #expect(state.chat.currentRoom == Self.random.id)
        #expect(state.chat.timelines[Self.random.id]?.map(\.text) == ["said before"])
        #expect(state.chat.isCachedView)
        // Messaging on its way up is not yet there to welcome anyone.
        #expect(update(&state, .serviceStatus(ServiceStatus(name: "messaging", state: .starting))) == [])

        #expect(ChatFlowTests.type("written offline", into: &state) == [])
        #expect(state.chat.pending.map(\.text) == ["written offline"])
        #expect(state.chat.pending.map(\.room) == [Self.random.id])
    }

    @Test func whenMessagingIsBackTheWelcomeComesAndTheUserStaysInTheirRoom() {
        var (state, _) = Self.signedInWithMessagingDown()
        _ = update(&state, .cacheLoaded(user: "alice", view: Self.kept))
        _ = ChatFlowTests.type("written offline", into: &state)

        let back = update(&state, .serviceStatus(ServiceStatus(name: "messaging", state: .running)))
        #expect(back.contains(.messaging(.hello(token: "tok"))))
        #expect(
            back.contains(
                .messaging(.send(token: "tok", room: Self.random.id, id: MessageID("c-1"), text: "written offline"))))
        let welcomed = update(
            &state,
            .messagingReplied(
                .hello(token: "tok"), .success(.welcome(user: "alice", rooms: [ChatFlowTests.general, Self.random]))))
        #expect(welcomed == [.messaging(.history(token: "tok", room: Self.random.id, from: .newest, limit: 100))])
        #expect(state.chat.currentRoom == Self.random.id)
        #expect(!state.chat.isCachedView)
        // Asked once: another status saying running asks for nothing more.
        #expect(
            !update(&state, .serviceStatus(ServiceStatus(name: "messaging", state: .running))).contains(
                .messaging(.hello(token: "tok"))))
    }

    @Test func aWelcomeThatCameFirstIsNotReplacedByTheCache() {
        var state = ChatFlowTests.signedIn()
        _ = update(&state, .cacheLoaded(user: "alice", view: Self.kept))
        #expect(state.chat.currentRoom == ChatFlowTests.general.id)
        #expect(!state.chat.isCachedView)
    }
}
