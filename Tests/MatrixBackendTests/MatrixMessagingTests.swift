import Foundation
import MatrixClient
import ParleyContracts
import ParleyTestKit
import ServiceRuntime
import Testing

extension MatrixBackendSuites {
    /// The messaging service on the test homeserver, between two peers each with its own data directory.
    @Suite(.timeLimit(.minutes(3)))
    struct MatrixMessagingTests {
        @Test func twoPeersChatInAPublicRoomFoundByItsAlias() async throws {
            let (annPeer, bobPeer) = try await (MatrixPeer.start("ann"), MatrixPeer.start("bob"))
            let ann = try await annPeer.register("ann")
            let bob = try await bobPeer.register("bob")
            let name = "#" + TestHomeserver.uniqueUserName("plans")
            // An alias nobody made is an unknown room, so the app creates it
            #expect(
                await refusal(MessagingError.self) {
                    _ = try await annPeer.messagingCall(.joinRoom(token: ann.token, name: name))
                } == .unknownRoom(name))
            let room = try await annPeer.messagingCall(.createRoom(token: ann.token, name: name)).room
            #expect(room.name == name)
            #expect(room.kind == .publicRoom)
            let joined = try await bobPeer.messagingCall(.joinRoom(token: bob.token, name: name)).room
            #expect(joined.id == room.id)
            #expect(joined.name == name)
            let bobSees = bobPeer.messaging.events()
            let annSees = annPeer.messaging.events()
            // When ann sends, the reply is her message under her own id, and bob's sync publishes it
            let sent = try await annPeer.send(ann, room.id, "hello bob")
            let arrived = await firstElement(of: bobSees) {
                if case let .messagePosted(message) = $0 { message.text == "hello bob" } else { false }
            }
            guard case let .messagePosted(message) = arrived else {
                Issue.record("bob never saw the message")
                return await closeAll(annPeer, bobPeer)
            }
            #expect(message.sender == ann.user)
            #expect(message.room == room.id)
            // And back: bob's reply reaches ann, naming the message it answers by ann's own id
            let reply = try await bobPeer.send(bob, room.id, "hi ann", replyTo: message.id)
            #expect(reply.replyTo == message.id)
            let back = await firstElement(of: annSees) {
                if case let .messagePosted(message) = $0 { message.text == "hi ann" } else { false }
            }
            guard case let .messagePosted(answer) = back else {
                Issue.record("ann never saw the reply")
                return await closeAll(annPeer, bobPeer)
            }
            #expect(answer.sender == bob.user)
            #expect(answer.replyTo == sent.id)
            await closeAll(annPeer, bobPeer)
        }

        @Test func aRetriedSendIsOneEvent() async throws {
            let peer = try await MatrixPeer.start("retry")
            let ann = try await peer.register("ann")
            let room = try await peer.messagingCall(
                .createRoom(token: ann.token, name: "#" + TestHomeserver.uniqueUserName("retry"))
            ).room
            let id = MessageID("retry-\(UUID().uuidString.prefix(8))")
            let first = try await peer.messagingCall(.send(token: ann.token, room: room.id, id: id, text: "once"))
                .message
            let second = try await peer.messagingCall(.send(token: ann.token, room: room.id, id: id, text: "once"))
                .message
            #expect(first == second)
            // The server holds one event: a plain client of the same session reads the room back
            let plain = KeptClients.plain(
                peer.server, session: .init(userID: "", accessToken: ann.token, deviceID: nil))
            let page = try await plain.messages(in: room.id.rawValue)
            #expect(page.chunk.filter { $0.message?.body == "once" }.count == 1)
            try await plain.shutdown()
            await peer.close()
        }

        @Test func directConversationsAreMarkedDirectAndJoinedByTheInvitee() async throws {
            let (annPeer, bobPeer) = try await (MatrixPeer.start("ann"), MatrixPeer.start("bob"))
            let ann = try await annPeer.register("ann")
            let bob = try await bobPeer.register("bob")
            let direct = try await annPeer.messagingCall(.openDirect(token: ann.token, user: bob.user)).room
            #expect(direct.kind == .direct)
            #expect(direct.name == bob.user)
            // Opening it again finds the same room
            #expect(try await annPeer.messagingCall(.openDirect(token: ann.token, user: bob.user)).room.id == direct.id)
            // Bob's instance joins the invitation by itself and lists the room as a conversation with ann
            let listed = try await eventually(timeout: .seconds(30)) {
                let rooms = try await bobPeer.messagingCall(.listRooms(token: bob.token)).rooms
                return rooms.contains { $0.id == direct.id && $0.kind == .direct && $0.name == ann.user }
            }
            #expect(listed)
            #expect(
                await refusal(MessagingError.self) {
                    _ = try await annPeer.messagingCall(.openDirect(token: ann.token, user: ann.user))
                } == .cannotMessageYourself)
            await closeAll(annPeer, bobPeer)
        }

        @Test func historyPagesBackToTheRoomsFirstMessage() async throws {
            let (annPeer, bobPeer) = try await (MatrixPeer.start("ann"), MatrixPeer.start("bob"))
            let ann = try await annPeer.register("ann")
            let name = "#" + TestHomeserver.uniqueUserName("long")
            let room = try await annPeer.messagingCall(.createRoom(token: ann.token, name: name)).room
            for index in 1...120 { _ = try await annPeer.send(ann, room.id, "line \(index)") }
            // Bob joins later: his cache starts with the newest events and pages back through the server
            let bob = try await bobPeer.register("bob")
            _ = try await bobPeer.messagingCall(.joinRoom(token: bob.token, name: name))
            let synced = try await eventually(timeout: .seconds(30)) {
                try await !bobPeer.messagingCall(.history(token: bob.token, room: room.id)).history.messages.isEmpty
            }
            #expect(synced)
            let texts = try await bobPeer.wholeHistory(bob, room.id, pageSize: 30).compactMap {
                $0.text.hasPrefix("line ") ? $0.text : nil
            }
            #expect(texts == (1...120).map { "line \($0)" })
            await closeAll(annPeer, bobPeer)
        }

        func closeAll(_ peers: MatrixPeer...) async {
            for peer in peers { await peer.close() }
        }
    }
}
