import Foundation
import MatrixClient
import ParleyContracts
import ParleyTestKit
import ServiceRuntime
import Testing

extension MatrixBackendSuites {
    /// Edits, deletes, encrypted and unknown events, attachments, and a second client that is not Parley.
    @Suite(.timeLimit(.minutes(3)))
    struct MatrixEventTests {
        @Test func editsAndDeletesReachTheOtherPeerAndSearchFollowsThem() async throws {
            let (annPeer, bobPeer) = try await (MatrixPeer.start("ann"), MatrixPeer.start("bob"))
            let ann = try await annPeer.register("ann")
            let bob = try await bobPeer.register("bob")
            let name = "#" + TestHomeserver.uniqueUserName("edits")
            let room = try await annPeer.messagingCall(.createRoom(token: ann.token, name: name)).room
            _ = try await bobPeer.messagingCall(.joinRoom(token: bob.token, name: name))
            let bobSees = bobPeer.messaging.events()
            let sent = try await annPeer.send(ann, room.id, "see you at noon")
            let posted = await firstElement(of: bobSees) {
                if case let .messagePosted(message) = $0 { message.text == "see you at noon" } else { false }
            }
            guard case let .messagePosted(seen) = posted else {
                Issue.record("bob never saw the message")
                return await closeAll(annPeer, bobPeer)
            }
            // Ann edits: bob sees the new text, marked edited; only the sender may edit
            let edited = try await annPeer.messagingCall(
                .edit(token: ann.token, message: sent.id, text: "see you at one")
            )
            .message
            #expect(edited.text == "see you at one")
            let edit = await firstElement(of: bobSees) {
                if case let .messageEdited(message) = $0 { message.id == seen.id } else { false }
            }
            guard case let .messageEdited(bobsCopy) = edit else {
                Issue.record("bob never saw the edit")
                return await closeAll(annPeer, bobPeer)
            }
            #expect(bobsCopy.text == "see you at one")
            #expect(bobsCopy.editedAt != nil)
            #expect(
                await refusal(MessagingError.self) {
                    _ = try await bobPeer.messagingCall(.edit(token: bob.token, message: seen.id, text: "hijacked"))
                } == .notYourMessage(seen.id))
            // Bob's search finds the edited text, offline from his cache
            let found = try await bobPeer.messagingCall(.search(token: bob.token, text: "one", room: room.id))
            #expect(found == .found([bobsCopy]))
            // Ann deletes: bob sees a tombstone in its place
            _ = try await annPeer.messagingCall(.delete(token: ann.token, message: sent.id))
            let deleted = await firstElement(of: bobSees) {
                if case let .messageDeleted(message) = $0 { message.id == seen.id } else { false }
            }
            guard case let .messageDeleted(tombstone) = deleted else {
                Issue.record("bob never saw the deletion")
                return await closeAll(annPeer, bobPeer)
            }
            #expect(tombstone.isDeleted)
            #expect(tombstone.text.isEmpty)
            await closeAll(annPeer, bobPeer)
        }

        @Test func encryptedRoomsAreLockedAndUnknownEventsAreOneLineNamingTheirType() async throws {
            let peer = try await MatrixPeer.start("locks")
            let ann = try await peer.register("ann")
            let other = KeptClients.plain(peer.server)
            let friend = try await other.register(
                username: TestHomeserver.uniqueUserName("zed"), password: "correct horse")
            // Another client makes an encrypted room and invites ann into a direct conversation there
            let annID = "@\(ann.user):\(friend.userID.split(separator: ":").last!)"
            var request = CreateRoomRequest.direct(with: annID)
            request.initialState = [.init(type: "m.room.encryption", content: ["algorithm": "m.megolm.v1.aes-sha2"])]
            let roomID = try await other.createRoom(request)
            let listed = try await eventually(timeout: .seconds(30)) {
                try await peer.messagingCall(.listRooms(token: ann.token)).rooms.contains {
                    $0.id.rawValue == roomID && $0.isEncrypted
                }
            }
            #expect(listed)
            // Sending into it is refused: never plaintext into an encrypted room
            await #expect(throws: ServiceCallError<MessagingError>.self) {
                _ = try await peer.send(ann, RoomID(roomID), "secret")
            }
            // What the friend sends shows as one line each: encrypted, and an event type Parley does not know
            _ = try await other.send(
                ["algorithm": "m.megolm.v1.aes-sha2", "ciphertext": "AwgAEn", "session_id": "s"],
                type: "m.room.encrypted",
                to: roomID, transactionID: "enc-1")
            _ = try await other.send(["pong": 1], type: "org.example.ping", to: roomID, transactionID: "ping-1")
            let shown = try await eventually(timeout: .seconds(30)) {
                let page = try await peer.messagingCall(.history(token: ann.token, room: RoomID(roomID))).history
                let notices = page.messages.compactMap(\.notice)
                return notices.contains("encrypted message (Parley cannot read these yet)")
                    && notices.contains("org.example.ping event (Parley cannot show these yet)")
            }
            #expect(shown)
            try await other.shutdown()
            await peer.close()
        }

        @Test func anAttachmentUploadedByOnePeerIsSavedByteIdenticalByTheOther() async throws {
            let (annPeer, bobPeer) = try await (MatrixPeer.start("ann"), MatrixPeer.start("bob"))
            let ann = try await annPeer.register("ann")
            let bob = try await bobPeer.register("bob")
            let name = "#" + TestHomeserver.uniqueUserName("files")
            let room = try await annPeer.messagingCall(.createRoom(token: ann.token, name: name)).room
            _ = try await bobPeer.messagingCall(.joinRoom(token: bob.token, name: name))
            let bytes = Data((0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
            let source = annPeer.directory.file("notes.bin")
            try bytes.write(to: source)
            let imported = try await annPeer.attachmentCall(.importFile(token: ann.token, path: source.path))
            guard case let .imported(attachment) = imported else { throw UnexpectedReply(description: "\(imported)") }
            #expect(attachment.reference.id.hasPrefix("mxc://"))
            #expect(attachment.reference.size == Int64(bytes.count))
            let id = MessageID("file-\(UUID().uuidString.prefix(8))")
            _ = try await annPeer.messagingCall(
                .send(token: ann.token, room: room.id, id: id, text: "", attachments: [attachment.reference]))
            // Bob's cache gets the message with the attachment; saving downloads it once, byte for byte
            var received: AttachmentReference?
            let arrived = try await eventually(timeout: .seconds(30)) {
                let page = try await bobPeer.messagingCall(.history(token: bob.token, room: room.id)).history
                return page.messages.contains { !$0.attachments.isEmpty }
            }
            #expect(arrived)
            let page = try await bobPeer.messagingCall(.history(token: bob.token, room: room.id)).history
            received = page.messages.first { !$0.attachments.isEmpty }?.attachments.first
            #expect(received?.name == "notes.bin")
            #expect(received?.id == attachment.reference.id)
            let target = bobPeer.directory.file("saved.bin")
            _ = try await bobPeer.attachmentCall(
                .save(token: bob.token, attachment: attachment.reference.id, destination: target.path))
            #expect(try Data(contentsOf: target) == bytes)
            let located = try await bobPeer.attachmentCall(
                .locate(token: bob.token, attachment: attachment.reference.id))
            guard case let .located(url) = located else { throw UnexpectedReply(description: "\(located)") }
            #expect(try Data(contentsOf: url) == bytes)
            await closeAll(annPeer, bobPeer)
        }

        @Test func aParleyUserAndAPlainMatrixClientTalkBothWays() async throws {
            let peer = try await MatrixPeer.start("parley")
            let ann = try await peer.register("ann")
            let plain = KeptClients.plain(peer.server)
            let zed = try await plain.register(
                username: TestHomeserver.uniqueUserName("zed"), password: "correct horse")
            let name = "#" + TestHomeserver.uniqueUserName("bridge")
            let room = try await peer.messagingCall(.createRoom(token: ann.token, name: name)).room
            let server = zed.userID.split(separator: ":").last!
            _ = try await plain.join("\(name):\(server)")
            let annSees = peer.messaging.events()
            // The plain client's message reaches ann, named by its sender's localpart
            _ = try await plain.send(.text("hello from elsewhere"), to: room.id.rawValue, transactionID: "z-1")
            let arrived = await firstElement(of: annSees, within: .seconds(30)) {
                if case let .messagePosted(message) = $0 { message.text == "hello from elsewhere" } else { false }
            }
            guard case let .messagePosted(message) = arrived else {
                Issue.record("ann never saw the plain client's message")
                try await plain.shutdown()
                return await peer.close()
            }
            #expect(message.sender == String(zed.userID.dropFirst().split(separator: ":").first!))
            // Ann's reply reaches the plain client as an m.room.message replying to its event
            _ = try await peer.send(ann, room.id, "hello back", replyTo: message.id)
            let answered = try await eventually(timeout: .seconds(30)) {
                let page = try await plain.messages(in: room.id.rawValue, limit: 20)
                return page.chunk.contains {
                    $0.message?.body == "hello back" && $0.message?.relatesTo?.inReplyTo != nil
                }
            }
            #expect(answered)
            try await plain.shutdown()
            await peer.close()
        }

        func closeAll(_ peers: MatrixPeer...) async {
            for peer in peers { await peer.close() }
        }
    }
}
