import Foundation
import MatrixClient
import MessagingService
import ParleyContracts
import ParleyTestKit
import ServiceRuntime
import Testing

extension MatrixBackendSuites {
    /// Catching up after being away: more messages than the sync filter's timeline holds arrive while the app
    /// is closed, and the next start shows every one, in order, none twice.
    @Suite(.timeLimit(.minutes(4)))
    struct MatrixCatchUpTests {
        /// More than `Filter.standard()`'s timeline limit (50), so the first sync after the start is limited, and
        /// more than one page of the gap filler's paging.
        static let sentWhileAway = 180

        /// With the default bound the gap is filled; with a small one, paging stops short of what the cache
        /// held, the room's cache starts again from the gap and older history is paged back from the server.
        @Test(arguments: [MatrixMessaging.defaultCatchUpLimit, 40])
        func everyMessageSentWhileAwayIsShownInOrderOnce(catchUpLimit: Int) async throws {
            let directory = TemporaryDirectory("ann")
            let annPeer = try await MatrixPeer.start("ann", directory: directory, catchUpLimit: catchUpLimit)
            let bobPeer = try await MatrixPeer.start("bob")
            let ann = try await annPeer.register("ann")
            let bob = try await bobPeer.register("bob")
            let name = "#" + TestHomeserver.uniqueUserName("away")
            let room = try await annPeer.messagingCall(.createRoom(token: ann.token, name: name)).room
            _ = try await bobPeer.messagingCall(.joinRoom(token: bob.token, name: name))
            var mine: [ChatMessage] = []
            for index in 1...3 { mine.append(try await annPeer.send(ann, room.id, "before \(index)")) }
            let before = (1...3).map { "before \($0)" }
            // Given ann's cache holds the room up to her last message
            let cached = try await eventually {
                try await annPeer.messagingCall(.history(token: ann.token, room: room.id)).history.messages
                    .map(\.text).filter { $0.hasPrefix("before") } == before
            }
            #expect(cached)
            await annPeer.close(removing: false)
            // When bob writes more than one sync answer carries while ann's app is closed
            let plain = KeptClients.plain(
                bobPeer.server, session: .init(userID: "", accessToken: bob.token, deviceID: nil))
            for index in 1...Self.sentWhileAway {
                _ = try await plain.send(.text("away \(index)"), to: room.id.rawValue, transactionID: "away-\(index)")
            }
            let restarted = try await MatrixPeer.start("ann", directory: directory, catchUpLimit: catchUpLimit)
            _ = try await restarted.messagingCall(.hello(token: ann.token))
            // Then her history holds every message, in the order sent, each once, hers under their own ids
            let expected = before + (1...Self.sentWhileAway).map { "away \($0)" }
            let caughtUp = try await eventually(timeout: .seconds(60)) {
                let all = try await restarted.wholeHistory(ann, room.id)
                return all.map(\.text).filter { $0.hasPrefix("before") || $0.hasPrefix("away") } == expected
            }
            let shown = try await restarted.wholeHistory(ann, room.id)
            #expect(caughtUp, "ann's history after the restart: \(shown.map(\.text))")
            #expect(shown.filter { $0.text.hasPrefix("before") }.map(\.id) == mine.map(\.id))
            #expect(Set(shown.map(\.id)).count == shown.count)
            #expect(shown.map(\.sequence) == shown.map(\.sequence).sorted())
            try await plain.shutdown()
            await restarted.close()
            await bobPeer.close()
        }
    }
}
