import Foundation
import MatrixClient
import ParleyContracts
import ParleyTestKit
import ParleyViews
import ServiceRuntime
import Testing

extension MatrixBackendSuites {
    /// Read receipts with a Matrix client that is not Parley: its `m.read` reaches Parley's screen as `✓✓` and
    /// its name beside the message it read, Parley's reach it as `m.receipt` in its sync, and with sending
    /// turned off it sees none.
    @Suite(.timeLimit(.minutes(4)))
    struct MatrixReceiptTests {
        @Test func receiptsTravelBothWaysBetweenParleyAndAPlainMatrixClient() async throws {
            let server = try TestHomeserver.current().url
            let ann = try await MatrixAppUser.register("ann", server: server)
            let plain = KeptClients.plain(try Homeserver(server))
            let zed = try await plain.register(
                username: TestHomeserver.uniqueUserName("zed"), password: "correct horse")
            let zedName = String(zed.userID.dropFirst().split(separator: ":").first!)
            let name = "#" + TestHomeserver.uniqueUserName("receipts")
            try await ann.join(name)
            let roomID = try await plain.join("\(name):\(zed.userID.split(separator: ":").last!)")

            // Ann writes through Parley; the plain client reads it: ann's screen shows ✓✓ and zed's name
            try await ann.send("ship it?")
            let target = try await Self.eventID(of: "ship it?", in: roomID, client: plain)
            try await plain.sendReceipt(.read, in: roomID, upTo: target)
            try await ann.waitUntil("ann's screen never showed zed's receipt") { state in
                ChatScreenView(state: state).render().text.contains("ship it? ✓✓ read by \(zedName)")
            }

            // The plain client writes; ann, looking at the room, reads it: its sync names her in m.read
            let since = try await Self.position(plain)
            let answer = try await plain.send(
                .object(["msgtype": .string("m.text"), "body": .string("yes")]),
                to: roomID, transactionID: "zed-yes")
            try await ann.waitUntil("ann never got zed's message") { state in
                state.chat.timelines.values.joined().contains { $0.text == "yes" }
            }
            let readers = try await Self.readers(of: answer, in: roomID, client: plain, after: since) { readers in
                readers.contains { $0.hasPrefix("@\(ann.name):") }
            }
            #expect(readers.contains { $0.hasPrefix("@\(ann.name):") })
            try await plain.shutdown()
            await ann.close()
        }

        @Test func withReceiptsOffTheOthersSeeNoneAndTheMarkerStillMoves() async throws {
            let setting = try await PlainClientRoom.start("private", user: "cy")
            let (peer, cy, plain, zedName, room) = (
                setting.peer, setting.ann, setting.plain, setting.zedName, setting.room
            )
            let cySees = peer.messaging.events()
            let hello = try await plain.send(
                .object(["msgtype": .string("m.text"), "body": .string("hello")]), to: room.id.rawValue,
                transactionID: "zed-hello")
            let arrived = await firstElement(of: cySees, within: .seconds(60)) {
                if case let .messagePosted(message) = $0 { message.text == "hello" } else { false }
            }
            guard case let .messagePosted(message) = arrived else {
                Issue.record("zed's message never reached Parley")
                return
            }

            // With sending off: the room is read for cy, and zed's sync names nobody at the message
            let before = try await Self.position(plain)
            let read = try await peer.messagingCall(
                .markRead(token: cy.token, room: room.id, upTo: message.id, sendsReceipt: false)
            ).room
            #expect(read.unreadCount == 0)
            let readers = try await Self.readers(of: hello, in: room.id.rawValue, client: plain, after: before) { _ in
                true
            }
            #expect(!readers.contains { $0.hasPrefix("@\(cy.user):") })

            // With sending on, the next read names cy: the check above read syncs that would have shown it
            let since = try await Self.position(plain)
            let again = try await plain.send(
                .object(["msgtype": .string("m.text"), "body": .string("again")]), to: room.id.rawValue,
                transactionID: "zed-again")
            let next = await firstElement(of: cySees, within: .seconds(60)) {
                if case let .messagePosted(message) = $0 { message.text == "again" } else { false }
            }
            guard case let .messagePosted(nextMessage) = next else {
                Issue.record("zed's second message never reached Parley")
                return
            }
            _ = try await peer.messagingCall(.markRead(token: cy.token, room: room.id, upTo: nextMessage.id))
            let named = try await Self.readers(of: again, in: room.id.rawValue, client: plain, after: since) {
                readers in readers.contains { $0.hasPrefix("@\(cy.user):") }
            }
            #expect(named.contains { $0.hasPrefix("@\(cy.user):") })

            // The plain client reads the newest too: cy is told, and the cache hands it out with the history the
            // screen opens on
            try await plain.sendReceipt(.read, in: room.id.rawValue, upTo: again)
            let receipt = ReadReceipt(user: zedName, message: nextMessage.id, sequence: nextMessage.sequence)
            let moved = MessagingEvent.receiptMoved(room: room.id, receipt: receipt)
            #expect(await firstElement(of: cySees, within: .seconds(60)) { $0 == moved } != nil)
            let page = try await peer.messagingCall(.history(token: cy.token, room: room.id)).history
            #expect(page.receipts.contains(receipt))
            try await setting.close()
        }

        /// The event id of the message `body` in the room, once the plain client sees it.
        static func eventID(of body: String, in roomID: String, client: MatrixClient) async throws -> String {
            let delivered = try await eventually(timeout: .seconds(60)) {
                try await client.messages(in: roomID, limit: 20).chunk.contains { $0.message?.body == body }
            }
            let found = try await client.messages(in: roomID, limit: 20).chunk.first { $0.message?.body == body }
            guard delivered, let eventID = found?.eventID else {
                throw AppUserFailure(description: "`\(body)` never reached the server")
            }
            return eventID
        }

        /// Where the plain client's sync stands now: `readers` reads what changes after it.
        static func position(_ client: MatrixClient) async throws -> String {
            try await client.sync(timeout: .zero).nextBatch
        }

        /// Who the plain client's syncs after `since` name as having read up to `eventID` (`m.read` only),
        /// syncing on until `enough` holds or a minute has passed. Each sync starts where the last ended: the
        /// server answers the same request again from a cache for a while.
        static func readers(
            of eventID: String, in roomID: String, client: MatrixClient, after since: String,
            until enough: ([String]) -> Bool
        ) async throws -> [String] {
            var token = since
            var readers: [String] = []
            let deadline = ContinuousClock.now + .seconds(60)
            repeat {
                let answer = try await client.sync(since: token, timeout: .seconds(2))
                token = answer.nextBatch
                for event in answer.rooms.join[roomID]?.ephemeral ?? [] where event.type == "m.receipt" {
                    readers += event.content[eventID]?["m.read"]?.objectValue.map { Array($0.keys) } ?? []
                }
            } while !enough(readers) && ContinuousClock.now < deadline
            return readers
        }
    }
}
