import Foundation
import MatrixClient
import ParleyContracts
import ParleyTestKit
import ServiceRuntime
import Testing

extension MatrixBackendSuites {
    /// Unread counts and the read marker against the homeserver: the count is the server's, reading a room
    /// moves the marker and the receipt there, and another start (or another device) shows the room read.
    @Suite(.timeLimit(.minutes(3)))
    struct MatrixReadMarkerTests {
        @Test func anotherUsersMessagesRaiseTheUnreadCountAndReadingIsKeptOnTheServer() async throws {
            let directory = TemporaryDirectory("ann")
            let annPeer = try await MatrixPeer.start("ann", directory: directory)
            let bobPeer = try await MatrixPeer.start("bob")
            let ann = try await annPeer.register("ann")
            let bob = try await bobPeer.register("bob")
            let name = "#" + TestHomeserver.uniqueUserName("unread")
            let room = try await annPeer.messagingCall(.createRoom(token: ann.token, name: name)).room
            _ = try await bobPeer.messagingCall(.joinRoom(token: bob.token, name: name))
            _ = try await annPeer.send(ann, room.id, "anyone here?")
            // When bob writes three messages, ann's room counts them (her own does not count)
            for index in 1...3 { _ = try await bobPeer.send(bob, room.id, "unread \(index)") }
            let counted = try await eventually {
                try await Self.unread(of: room.id, peer: annPeer, session: ann) == 3
            }
            #expect(counted)
            // And the server counts them too, for any device of ann's
            let plain = KeptClients.plain(
                annPeer.server, session: .init(userID: "", accessToken: ann.token, deviceID: nil))
            let beforeReading = try await plain.sync()
            #expect(beforeReading.rooms.join[room.id.rawValue]?.unreadNotifications?.notificationCount == 3)
            // When ann reads the room up to the last message
            let page = try await annPeer.messagingCall(.history(token: ann.token, room: room.id)).history
            let last = try #require(page.messages.last { $0.text == "unread 3" })
            let read = try await annPeer.messagingCall(.markRead(token: ann.token, room: room.id, upTo: last.id)).room
            #expect(read.unreadCount == 0)
            // Then the server holds the fully-read marker at that message, and counts nothing unread
            let lastEventID = try #require(
                try await plain.messages(in: room.id.rawValue, limit: 10).chunk.first {
                    $0.message?.body == "unread 3"
                }?
                .eventID)
            let annID = try await plain.whoami().userID
            let marker = try await plain.callAPI(
                "GET",
                path: "/_matrix/client/v3/user/\(MatrixClient.escapedPathSegment(annID))/rooms/"
                    + "\(MatrixClient.escapedPathSegment(room.id.rawValue))/account_data/m.fully_read")
            #expect(marker["event_id"]?.stringValue == lastEventID)
            // (Synapse keeps an initial sync's answer for a while: the news comes in an incremental one.)
            let afterReading = try await plain.sync(since: beforeReading.nextBatch)
            #expect(afterReading.rooms.join[room.id.rawValue]?.unreadNotifications?.notificationCount == 0)
            // And after a restart the room is still read
            await annPeer.close(removing: false)
            let restarted = try await MatrixPeer.start("ann", directory: directory)
            _ = try await restarted.messagingCall(.hello(token: ann.token))
            #expect(try await Self.unread(of: room.id, peer: restarted, session: ann) == 0)
            // And so it is on a device that never saw the room, from the server's own count
            let elsewhere = try await MatrixPeer.start("ann-elsewhere")
            let reply = try await elsewhere.accountCall(.login(name: ann.user, password: "correct horse"))
            let second = try reply.session
            _ = try await elsewhere.messagingCall(.hello(token: second.token))
            let listed = try await eventually {
                try await elsewhere.messagingCall(.listRooms(token: second.token)).rooms.contains { $0.id == room.id }
            }
            #expect(listed)
            #expect(try await Self.unread(of: room.id, peer: elsewhere, session: second) == 0)
            try await plain.shutdown()
            for peer in [restarted, bobPeer, elsewhere] { await peer.close() }
        }

        /// The room's unread count as the room list shows it, or -1 when the room is not listed.
        static func unread(of room: RoomID, peer: MatrixPeer, session: Session) async throws -> Int {
            let rooms = try await peer.messagingCall(.listRooms(token: session.token)).rooms
            return rooms.first { $0.id == room }?.unreadCount ?? -1
        }
    }
}
