import ParleyContracts
import Testing

@testable import ParleyCore

/// Tab completes members who have not written yet, from the room's member list, asked for the first time Tab
/// finds no name; `/who` keeps its own list.
struct CompletionFlowTests {
    static let room = ChatFlowTests.general.id
    static let ask = MessagingRequest.listMembers(token: "tok", room: room)

    static func press(_ text: String, in state: inout AppState) -> [AppEffect] {
        state.input.replace(with: text)
        return update(&state, .input(.key(.tab)))
    }

    @Test func aMemberWhoHasNotWrittenIsCompletedOnceTheListComes() {
        var state = ChatFlowTests.signedIn()
        // Given carol is a member who has written nothing
        #expect(Self.press("hi @ca", in: &state) == [.messaging(Self.ask)])
        #expect(state.input.text == "hi @ca")
        // When the list comes, the line Tab saw is completed, and nothing else happens
        let effects = update(&state, .messagingReplied(Self.ask, .success(.members(["alice", "bob", "carol"]))))
        #expect(effects == [])
        #expect(state.input.text == "hi @carol ")
        #expect(state.notice == nil || state.notice?.hasPrefix("members:") == false)
        // And the next Tab uses the list without asking again
        #expect(Self.press("c", in: &state) == [])
        #expect(state.input.text == "@carol: ")
    }

    @Test func aLineTypedOnBeforeTheListComesIsLeftAlone() {
        var state = ChatFlowTests.signedIn()
        _ = Self.press("hi @ca", in: &state)
        state.input.replace(with: "hi @ca and more")
        _ = update(&state, .messagingReplied(Self.ask, .success(.members(["alice", "carol"]))))
        #expect(state.input.text == "hi @ca and more")
    }

    @Test func whoStillListsMembersWithTheirPresence() {
        var state = ChatFlowTests.signedIn()
        _ = Self.press("zz", in: &state)
        _ = update(&state, .messagingReplied(Self.ask, .success(.members(["alice", "bob"]))))
        state.input.replace(with: "")
        #expect(ChatFlowTests.type("/who", into: &state) == [.messaging(Self.ask)])
        let effects = update(&state, .messagingReplied(Self.ask, .success(.members(["alice", "bob"]))))
        #expect(effects == [.account(.presence(of: ["alice", "bob"]))])
    }

    @Test func aJoinMakesTheNextTabAskAgainAndAFailedAskIsAskedAgain() {
        var state = ChatFlowTests.signedIn()
        _ = Self.press("@da", in: &state)
        _ = update(&state, .messagingReplied(Self.ask, .failure(.unavailable(service: "messaging"))))
        #expect(Self.press("@da", in: &state) == [.messaging(Self.ask)])
        _ = update(&state, .messagingReplied(Self.ask, .success(.members(["alice", "bob"]))))
        #expect(Self.press("@da", in: &state) == [])
        _ = update(&state, .messagingEvent(.memberJoined(room: Self.room, user: "dave")))
        #expect(Self.press("@da", in: &state) == [.messaging(Self.ask)])
    }
}
