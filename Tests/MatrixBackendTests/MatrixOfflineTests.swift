import Foundation
import MatrixClient
import ParleyContracts
import ParleyTestKit
import ServiceRuntime
import Testing

extension MatrixBackendSuites {
    /// The homeserver going away and coming back: sends fail as `serverUnreachable` (which the app keeps in its
    /// outbox), the cache still answers history and search, and the same ids sent again are stored once.
    @Suite(.timeLimit(.minutes(3)))
    struct MatrixOfflineTests {
        @Test func sendsWaitWhileTheServerIsAwayAndGoOnceInOrderWhenItIsBack() async throws {
            let homeserver = try TestHomeserver.current()
            let serverSwitch = try ServerSwitch(forwardingTo: homeserver.url)
            let annPeer = try await MatrixPeer.start("ann", server: serverSwitch.url)
            let bobPeer = try await MatrixPeer.start("bob")
            let ann = try await annPeer.register("ann")
            let bob = try await bobPeer.register("bob")
            let name = "#" + TestHomeserver.uniqueUserName("away")
            let room = try await annPeer.messagingCall(.createRoom(token: ann.token, name: name)).room
            _ = try await bobPeer.messagingCall(.joinRoom(token: bob.token, name: name))
            _ = try await annPeer.send(ann, room.id, "before the outage")
            // When the server goes away, a send fails as unreachable and changes nothing
            serverSwitch.switchOff()
            let ids = (1...3).map { MessageID("away-\($0)-\(UUID().uuidString.prefix(6))") }
            for (index, id) in ids.enumerated() {
                await #expect(throws: ServiceCallError<MessagingError>.self) {
                    _ = try await annPeer.messagingCall(
                        .send(token: ann.token, room: room.id, id: id, text: "queued \(index)"))
                }
            }
            do {
                _ = try await annPeer.messagingCall(
                    .send(token: ann.token, room: room.id, id: ids[0], text: "queued 0"))
            } catch let error as ServiceCallError<MessagingError> {
                guard case .serverUnreachable = error.failure else {
                    Issue.record("expected serverUnreachable, got \(error)")
                    return
                }
            }
            // The cache still answers: history and search work offline
            let history = try await annPeer.messagingCall(.history(token: ann.token, room: room.id)).history
            #expect(history.messages.contains { $0.text == "before the outage" })
            let found = try await annPeer.messagingCall(.search(token: ann.token, text: "outage"))
            guard case let .found(hits) = found else { throw UnexpectedReply(description: "\(found)") }
            #expect(hits.map(\.text) == ["before the outage"])
            // When it is back, the same ids go again in order, and one of them twice: each is one event. As the
            // app's outbox does, a send that still finds the server unreachable (a connection the outage cut
            // can fail the first request after it) is tried again.
            try serverSwitch.switchOn()
            for (index, id) in ids.enumerated().map({ ($0.offset, $0.element) }) + [(0, ids[0])] {
                let sent = try await Self.sendOnceReachable(
                    .send(token: ann.token, room: room.id, id: id, text: "queued \(index)"), by: annPeer)
                #expect(sent.id == id)
            }
            let all = try await eventually(timeout: .seconds(30)) {
                let texts = try await bobPeer.wholeHistory(bob, room.id).map(\.text).filter { $0.hasPrefix("queued") }
                return texts == ["queued 0", "queued 1", "queued 2"]
            }
            #expect(all)
            await annPeer.close()
            await bobPeer.close()
            serverSwitch.switchOff()
        }

        /// Sends `request`, again after each `serverUnreachable`, for up to a minute.
        static func sendOnceReachable(_ request: MessagingRequest, by peer: MatrixPeer) async throws -> ChatMessage {
            let deadline = ContinuousClock.now + .seconds(60)
            while true {
                do {
                    return try await peer.messagingCall(request).message
                } catch let error as ServiceCallError<MessagingError> {
                    guard case .serverUnreachable = error.failure, ContinuousClock.now < deadline else { throw error }
                    try await Task.sleep(for: .milliseconds(200))
                }
            }
        }
    }
}
