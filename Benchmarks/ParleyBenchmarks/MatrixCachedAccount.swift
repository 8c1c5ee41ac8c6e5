import Foundation
import MatrixClient
import MessagingService
import ParleyStorage

/// A data directory whose Parley has used an account for a long time: `rooms` real rooms on the homeserver,
/// synced once by the app, and `messages` messages of history among them in its cache.
///
/// The rooms are made on the real server and the app signs in and syncs them as a person's would. The
/// history then comes through the messaging service's own sync path, but from a stand-in server in one
/// answer (Synapse would take most of an hour to store 20,000 messages on a busy machine); that answer ends
/// at a real `next_batch` of the real server, so the app carries on from there against it.
struct MatrixCachedAccount {
    let root: URL
    let server: String
    /// The text that ends the newest message of every room: whichever room the app opens on shows it.
    let newestMarker: String

    static func make(server: String, rooms roomCount: Int, messages: Int) async throws -> MatrixCachedAccount {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("parley-cached-\(UUID().uuidString)")
        let owner = try await MatrixBench.plainUser("cached", server: server)
        do {
            let account = try await make(owner, root: root, server: server, rooms: roomCount, messages: messages)
            try await owner.shutdown()
            return account
        } catch {
            try? await owner.shutdown()
            throw error
        }
    }

    private static func make(
        _ owner: MatrixClient, root: URL, server: String, rooms roomCount: Int, messages: Int
    ) async throws -> MatrixCachedAccount {
        guard let userID = owner.session?.userID else {
            throw MatrixBenchFailure(description: "the cached account's user was not signed in after sign-up")
        }
        var rooms: [String] = []
        for index in 0..<roomCount {
            let alias = MatrixBench.uniqueName("room\(index)")
            rooms.append(try await owner.createRoom(.publicRoom(aliasName: alias)))
        }
        // The app signs in and syncs the rooms once, as when the person first used it here.
        let app = try await MatrixBenchPerson.login(userID, root: root, server: server)
        try await app.waitForFrame("the app never listed the \(roomCount) rooms", seconds: 300) {
            $0.chat.rooms.count >= roomCount
        }
        await app.close()
        let nextBatch = try await owner.sync(timeout: .zero).nextBatch
        let marker = "newest-" + UUID().uuidString.prefix(6).lowercased()
        let history = try Self.history(of: rooms, messages: messages, userID: userID, marker: marker, next: nextBatch)
        try await Self.store(history, userID: userID, nextBatch: nextBatch, in: root)
        return MatrixCachedAccount(root: root, server: server, newestMarker: marker)
    }

    /// Runs the messaging service on the data directory against a stand-in that answers its next sync with
    /// `history`, until it has stored it.
    private static func store(_ history: Data, userID: String, nextBatch: String, in root: URL) async throws {
        let standIn = try StandInHomeserver(userID: userID, firstAnswer: history, nextBatch: nextBatch)
        defer { standIn.close() }
        let messaging = MatrixMessaging.makeHost(
            server: try Homeserver(standIn.url), dataDirectory: DataDirectory(root.appendingPathComponent("data")))
        // Started, it resumes the sync of the account signed in last: the app's, from the app's `since`.
        await messaging.host.start()
        do {
            try await waitUntil(seconds: 600, "the messaging service never stored the history") {
                standIn.firstAnswerStored
            }
        } catch {
            await messaging.host.stop()
            try? await messaging.client.shutdown()
            throw error
        }
        await messaging.host.stop()
        try await messaging.client.shutdown()
    }

    /// One sync answer with `messages` text messages spread over `rooms`, oldest first in each, from the
    /// user and one other person; the newest of each room ends with `marker`.
    private static func history(
        of rooms: [String], messages: Int, userID: String, marker: String, next: String
    ) throws -> Data {
        let server = userID.split(separator: ":").dropFirst().joined(separator: ":")
        let senders = [userID, "@friend:\(server)"]
        let start = Int64(Date().timeIntervalSince1970 * 1000) - Int64(messages) * 60_000
        var joined: [String: Any] = [:]
        for (roomIndex, room) in rooms.enumerated() {
            let count = messages / rooms.count + (roomIndex < messages % rooms.count ? 1 : 0)
            let events: [[String: Any]] = (0..<count).map { index in
                let number = index * rooms.count + roomIndex
                let body =
                    index == count - 1
                    ? "the last word in room \(roomIndex) \(marker)"
                    : "message \(index) of room \(roomIndex): words of an ordinary conversation, about this long"
                return [
                    "type": "m.room.message", "event_id": "$history-\(roomIndex)-\(index)",
                    "sender": senders[number % senders.count], "origin_server_ts": start + Int64(number) * 60_000,
                    "content": ["msgtype": "m.text", "body": body],
                ]
            }
            joined[room] = ["timeline": ["events": events, "limited": false]]
        }
        return try JSONSerialization.data(withJSONObject: ["next_batch": next, "rooms": ["join": joined]])
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
