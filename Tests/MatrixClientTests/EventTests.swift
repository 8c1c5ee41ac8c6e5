import Foundation
import MatrixClient
import ParleyTestKit
import Testing

@Suite(.timeLimit(.minutes(3)))
struct EventTests {
    /// A room both users are in.
    static func sharedRoom(_ clients: [MatrixClient]) async throws -> String {
        let roomID = try await clients[0].createRoom(.privateRoom(invite: [clients[1].userID]))
        _ = try await clients[1].join(roomID)
        return roomID
    }

    @Test func theSameTransactionIDTwiceIsOneEvent() async throws {
        try await TestAccounts.withUsers(1, prefix: "txn") { clients in
            let roomID = try await clients[0].createRoom(.privateRoom())
            let txn = TestAccounts.transactionID()
            let first = try await clients[0].send(.text("only once"), to: roomID, transactionID: txn)
            let second = try await clients[0].send(.text("only once"), to: roomID, transactionID: txn)
            #expect(first == second)
            let page = try await clients[0].messages(in: roomID, limit: 50)
            #expect(page.chunk.filter { $0.message?.body == "only once" }.count == 1)
        }
    }

    @Test func syncWithAFilterSeesTheOtherUsersMessageOnce() async throws {
        try await TestAccounts.withUsers(2, prefix: "sync") { clients in
            let roomID = try await Self.sharedRoom(clients)
            let filterID = try await clients[1].uploadFilter(.standard(timelineLimit: 10))
            let initial = try await clients[1].sync(filter: filterID)

            let eventID = try await clients[0].send(
                .text("hello over sync"), to: roomID, transactionID: TestAccounts.transactionID())
            var since = initial.nextBatch
            var seen: [ClientEvent] = []
            // Each long poll returns as soon as the message is there; the bound only stops a broken server.
            for _ in 0..<12 where !seen.contains(where: { $0.eventID == eventID }) {
                let next = try await clients[1].sync(filter: filterID, since: since, timeout: .seconds(5))
                seen += next.rooms.join[roomID]?.timeline.events ?? []
                since = next.nextBatch
            }
            let arrived = seen.contains { $0.eventID == eventID }
            #expect(arrived)
            let message = try #require(seen.first { $0.eventID == eventID })
            #expect(message.sender == clients[0].userID)
            #expect(message.message?.body == "hello over sync")
            #expect(message.originServerTimestamp != nil)

            let after = try await clients[1].sync(filter: filterID, since: since, timeout: .zero)
            #expect(after.rooms.join[roomID]?.timeline.events.contains { $0.eventID == eventID } != true)
        }
    }

    @Test func messagesPagesBackToTheFirstEvent() async throws {
        try await TestAccounts.withUsers(1, prefix: "paging") { clients in
            let roomID = try await clients[0].createRoom(.privateRoom())
            for index in 0..<12 {
                _ = try await clients[0].send(
                    .text("message \(index)"), to: roomID, transactionID: TestAccounts.transactionID())
            }
            var bodies: [String] = []
            var types: [String] = []
            var from: String?
            var pages = 0
            repeat {
                let page = try await clients[0].messages(in: roomID, from: from, direction: .backward, limit: 5)
                bodies += page.chunk.compactMap { $0.message?.body }
                types += page.chunk.map(\.type)
                from = page.end
                pages += 1
            } while from != nil && pages < 20
            #expect(from == nil)
            #expect(pages > 3)
            #expect(bodies == (0..<12).reversed().map { "message \($0)" })
            #expect(types.last == "m.room.create")
        }
    }

    @Test func editReplyAndRedactionRoundTrip() async throws {
        try await TestAccounts.withUsers(2, prefix: "relations") { clients in
            let roomID = try await Self.sharedRoom(clients)
            let original = try await clients[0].send(
                .text("first draft"), to: roomID, transactionID: TestAccounts.transactionID())
            let edit = try await clients[0].send(
                .edit(of: original, newBody: "final text"), to: roomID, transactionID: TestAccounts.transactionID())
            let reply = try await clients[1].send(
                .reply(to: original, body: "nice"), to: roomID, transactionID: TestAccounts.transactionID())
            let doomed = try await clients[0].send(
                .text("oops"), to: roomID, transactionID: TestAccounts.transactionID())
            let redaction = try await clients[0].redact(
                doomed, in: roomID, reason: "typo", transactionID: TestAccounts.transactionID())

            let events = try await clients[1].messages(in: roomID, limit: 50).chunk
            let editEvent = try #require(events.first { $0.eventID == edit }?.message)
            #expect(editEvent.relatesTo?.replacedEventID == original)
            #expect(editEvent.newContent?.body == "final text")

            let replyEvent = try #require(events.first { $0.eventID == reply }?.message)
            #expect(replyEvent.relatesTo?.inReplyTo?.eventID == original)
            #expect(replyEvent.relatesTo?.replacedEventID == nil)

            let redacted = try #require(events.first { $0.eventID == doomed })
            #expect(redacted.isRedacted)
            #expect(redacted.message == nil)
            #expect(redacted.unsigned?.redactedBecause?.reason == "typo")
            let redactionEvent = try #require(events.first { $0.eventID == redaction })
            #expect(redactionEvent.redacts == doomed)
        }
    }

    @Test func searchFindsAMessage() async throws {
        try await TestAccounts.withUsers(1, prefix: "search") { clients in
            let roomID = try await clients[0].createRoom(.privateRoom())
            let word = "zebra\(UUID().uuidString.prefix(6).lowercased())"
            let eventID = try await clients[0].send(
                .text("a \(word) crossed"), to: roomID, transactionID: TestAccounts.transactionID())
            _ = try await clients[0].send(
                .text("nothing here"), to: roomID, transactionID: TestAccounts.transactionID())
            let found = await eventually(timeout: .seconds(30)) {
                let response = try? await clients[0].search(word, rooms: [roomID])
                return response?.results.map(\.event.eventID) == [eventID]
            }
            #expect(found)
        }
    }

    @Test func readMarkersAreAccepted() async throws {
        try await TestAccounts.withUsers(2, prefix: "read") { clients in
            let roomID = try await Self.sharedRoom(clients)
            let eventID = try await clients[0].send(
                .text("read me"), to: roomID, transactionID: TestAccounts.transactionID())
            try await clients[1].setReadMarkers(in: roomID, fullyRead: eventID)
            let sync = try await clients[1].sync()
            let fullyRead = sync.rooms.join[roomID]?.accountData.first { $0.type == "m.fully_read" }
            #expect(fullyRead?.content["event_id"]?.stringValue == eventID)
        }
    }

    @Test func encryptedAndUnknownEventsDecodeWithoutTypedContent() async throws {
        try await TestAccounts.withUsers(1, prefix: "odd") { clients in
            let megolm = InitialStateEvent(type: "m.room.encryption", content: ["algorithm": "m.megolm.v1.aes-sha2"])
            let roomID = try await clients[0].createRoom(
                CreateRoomRequest(preset: "private_chat", initialState: [megolm]))
            let encrypted: JSONValue = ["algorithm": "m.megolm.v1.aes-sha2", "ciphertext": "AAAA", "session_id": "S1"]
            _ = try await clients[0].send(
                encrypted, type: "m.room.encrypted", to: roomID, transactionID: TestAccounts.transactionID())
            _ = try await clients[0].send(
                ["x": [1, 2]], type: "org.example.custom", to: roomID, transactionID: TestAccounts.transactionID())
            let events = try await clients[0].messages(in: roomID, limit: 5).chunk
            let lock = try #require(events.first { $0.type == "m.room.encrypted" })
            #expect(lock.encrypted?.algorithm == "m.megolm.v1.aes-sha2")
            #expect(lock.message == nil)
            let custom = try #require(events.first { $0.type == "org.example.custom" })
            #expect(custom.content["x"]?.arrayValue == [1, 2])
            #expect(custom.message == nil)
            let joined = try #require(try await clients[0].sync().rooms.join[roomID])
            let algorithms = (joined.state + joined.timeline.events).compactMap(\.encryptionAlgorithm)
            #expect(algorithms == ["m.megolm.v1.aes-sha2"])
        }
    }
}
