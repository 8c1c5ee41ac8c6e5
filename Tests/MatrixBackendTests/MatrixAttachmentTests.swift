import Crypto
import Foundation
import MatrixClient
import ParleyContracts
import ParleyTestKit
import ScenarioRunner
import ServiceRuntime
import Testing

extension MatrixBackendSuites {
    /// Attachments on the homeserver: one event per file, files from another client saved under the name
    /// their sender gave, downloaded once into the content-addressed store, and previewed in the app.
    @Suite(.timeLimit(.minutes(3)))
    struct MatrixAttachmentTests {
        /// A 1x1 PNG, small enough to write here and real enough for the media service to decode.
        static let png = Data(
            base64Encoded:
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")!

        @Test func everyAttachedFileGoesAsAnEventOfItsOwnKind() async throws {
            let peer = try await MatrixPeer.start("files")
            let ann = try await peer.register("ann")
            let room = try await peer.messagingCall(
                .createRoom(token: ann.token, name: "#" + TestHomeserver.uniqueUserName("files"))
            ).room
            let photo = try await importFile(peer, ann, named: "photo.png", Self.png)
            let notes = try await importFile(peer, ann, named: "notes.txt", Data("milk, eggs\n".utf8))
            // When each is attached on its own (as `/attach` sends them) and then both in one message
            for attachments in [[photo], [notes], [photo, notes]] {
                _ = try await peer.messagingCall(
                    .send(
                        token: ann.token, room: room.id, id: MessageID("f-\(UUID().uuidString.prefix(8))"), text: "",
                        attachments: attachments))
            }
            // Then the room holds one event per file: m.image for the picture, m.file for the text
            let plain = KeptClients.plain(
                peer.server, session: .init(userID: "", accessToken: ann.token, deviceID: nil))
            let files = try await plain.messages(in: room.id.rawValue, limit: 50).chunk.compactMap(\.message)
                .filter { $0.url != nil }
            #expect(files.filter { $0.msgtype == "m.image" }.map(\.url) == [photo.id, photo.id])
            #expect(files.filter { $0.msgtype == "m.file" }.map(\.url) == [notes.id, notes.id])
            #expect(files.filter { $0.msgtype == "m.image" }.allSatisfy { $0.filename == "photo.png" })
            #expect(files.filter { $0.msgtype == "m.image" }.allSatisfy { $0.info?.mimeType == "image/png" })
            #expect(files.filter { $0.msgtype == "m.file" }.allSatisfy { $0.body == "notes.txt" })
            try await plain.shutdown()
            await peer.close()
        }

        @Test func filesFromAnotherClientKeepTheirNamesAndAreDownloadedOnce() async throws {
            let homeserver = try TestHomeserver.current()
            let serverSwitch = try ServerSwitch(forwardingTo: homeserver.url)
            let bobPeer = try await MatrixPeer.start("bob", server: serverSwitch.url)
            let bob = try await bobPeer.register("bob")
            // Another client (not Parley) sends a named file, a file with no name and a picture
            let (zed, alias) = try await Self.otherClientsRoom(homeserver)
            let room = try await bobPeer.messagingCall(.joinRoom(token: bob.token, name: alias)).room
            let report = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
            let nameless = Data("no name was given\n".utf8)
            let reportURI = try await Self.send(
                report, msgtype: "m.file", body: "quarterly report.pdf", by: zed, to: room.id.rawValue)
            let namelessURI = try await Self.send(nameless, msgtype: "m.file", body: "", by: zed, to: room.id.rawValue)
            let pictureURI = try await Self.send(
                Self.png, msgtype: "m.image", body: "cat.png", by: zed, to: room.id.rawValue)
            let arrived = try await eventually {
                let page = try await bobPeer.messagingCall(.history(token: bob.token, room: room.id)).history
                return page.messages.flatMap(\.attachments).count == 3
            }
            #expect(arrived)
            let received = try await bobPeer.messagingCall(.history(token: bob.token, room: room.id)).history.messages
                .flatMap(\.attachments)
            let namelessID = try #require(MediaURI(namelessURI)).mediaID
            #expect(received.map(\.name) == ["quarterly report.pdf", namelessID, "cat.png"])
            #expect(received.map(\.id) == [reportURI, namelessURI, pictureURI])
            // When bob saves them into a folder, each keeps its name; the picture is located for a preview
            let folder = bobPeer.directory.url.appendingPathComponent("downloads")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (attachment, bytes) in zip(received.prefix(2), [report, nameless]) {
                let saved = try await save(attachment, into: folder.path, bobPeer, bob)
                #expect(saved == folder.appendingPathComponent(attachment.name).path)
                #expect(try Data(contentsOf: URL(fileURLWithPath: saved)) == bytes)
            }
            let located = try await locate(received[2], bobPeer, bob)
            #expect(try Data(contentsOf: located) == Self.png)
            // Then each is in the content-addressed store under its SHA-256
            let store = bobPeer.directory.dataDirectory.url.appendingPathComponent("attachments")
            for bytes in [report, nameless, Self.png] {
                let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
                #expect(try Data(contentsOf: store.appendingPathComponent(digest)) == bytes)
            }
            // And with the server gone, they are still there: downloaded once, then read from the store
            serverSwitch.switchOff()
            let again = try await save(received[0], into: bobPeer.directory.file("again.pdf").path, bobPeer, bob)
            #expect(try Data(contentsOf: URL(fileURLWithPath: again)) == report)
            #expect(try Data(contentsOf: try await locate(received[2], bobPeer, bob)) == Self.png)
            try await zed.shutdown()
            await bobPeer.close()
        }

        @Test func aPictureFromAnotherClientIsPreviewedAndSavedInTheApp() async throws {
            let homeserver = try TestHomeserver.current()
            let (zed, alias) = try await Self.otherClientsRoom(homeserver)
            let roomID = try await zed.resolveAlias("\(alias):localhost").roomID
            _ = try await Self.send(Self.png, msgtype: "m.image", body: "cat.png", by: zed, to: roomID)
            let directory = TemporaryDirectory("picture")
            defer { directory.remove() }
            let folder = directory.url.appendingPathComponent("downloads")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let bob = TestHomeserver.uniqueUserName("bob")
            let text = """
                server \(homeserver.url)
                size 120x30
                timeout 30s
                user bob
                send /register \(bob) correct-horse
                expect screen contains signed in as \(bob)
                send /join \(alias)
                expect screen contains cat.png
                send /preview 1
                expect screen contains cat.png — 1x1 (Esc closes)
                press Esc
                send /save 1 \(folder.path)
                expect screen contains saved to \(folder.path)/cat.png
                """
            let report = try await MatrixBackendSuites.runScenario(text, named: "picture.scenario", in: directory)
            #expect(report.sessions == 1)
            #expect(try Data(contentsOf: folder.appendingPathComponent("cat.png")) == Self.png)
            try await zed.shutdown()
        }

        // MARK: - Helpers

        private func importFile(_ peer: MatrixPeer, _ session: Session, named name: String, _ bytes: Data)
            async throws -> AttachmentReference
        {
            let file = peer.directory.file(name)
            try bytes.write(to: file)
            let reply = try await peer.attachmentCall(.importFile(token: session.token, path: file.path))
            guard case let .imported(imported) = reply else { throw UnexpectedReply(description: "\(reply)") }
            return imported.reference
        }

        /// Saves as the app's `/save N PATH` does: with the name the message gives the file.
        private func save(_ attachment: AttachmentReference, into path: String, _ peer: MatrixPeer, _ session: Session)
            async throws -> String
        {
            let reply = try await peer.attachmentCall(
                .save(token: session.token, attachment: attachment.id, destination: path, name: attachment.name))
            guard case let .saved(saved) = reply else { throw UnexpectedReply(description: "\(reply)") }
            return saved
        }

        private func locate(_ attachment: AttachmentReference, _ peer: MatrixPeer, _ session: Session) async throws
            -> URL
        {
            let reply = try await peer.attachmentCall(.locate(token: session.token, attachment: attachment.id))
            guard case let .located(url) = reply else { throw UnexpectedReply(description: "\(reply)") }
            return url
        }

        /// A plain client of the homeserver, signed up, in a public room of its own; and the room's `#alias`.
        static func otherClientsRoom(_ homeserver: TestHomeserver) async throws -> (MatrixClient, String) {
            let zed = KeptClients.plain(try Homeserver(homeserver.url))
            try await zed.register(username: TestHomeserver.uniqueUserName("zed"), password: "correct horse")
            let aliasName = "p" + UUID().uuidString.prefix(8).lowercased()
            _ = try await zed.createRoom(.publicRoom(aliasName: aliasName))
            return (zed, "#" + aliasName)
        }

        /// Uploads `bytes` and sends them as `msgtype` with `body`, as another Matrix client would; returns the
        /// `mxc://` URI.
        static func send(_ bytes: Data, msgtype: String, body: String, by client: MatrixClient, to roomID: String)
            async throws -> String
        {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("upload-\(UUID().uuidString)")
            try bytes.write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let mimeType = msgtype == "m.image" ? "image/png" : "application/octet-stream"
            let uri = try await client.upload(file: file, filename: body.isEmpty ? nil : body, contentType: mimeType)
            let content = RoomMessageContent(
                msgtype: msgtype, body: body, url: uri.description,
                info: MediaInfo(mimeType: mimeType, size: Int64(bytes.count)))
            _ = try await client.send(content, to: roomID, transactionID: "z-\(UUID().uuidString)")
            return uri.description
        }
    }
}
