import ParleyContracts
import ParleyTestKit
import Testing

@Suite(.timeLimit(.minutes(1)))
struct HistoryTests {
    /// Sends `count` messages "0", "1", ... as `token` into #general.
    private func fill(_ service: MessagingFixture, _ token: String, count: Int) async throws -> [ChatMessage] {
        var sent: [ChatMessage] = []
        for index in 0..<count { sent.append(try await service.send(token, general, "\(index)")) }
        return sent
    }

    @Test func pagesWalkBackwardsAndForwards() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            let sent = try await fill(service, alice, count: 12)
            // The newest page holds the last five, oldest first
            let newest = try await service.history(alice, general, limit: 5)
            #expect(newest.messages.map(\.text) == ["7", "8", "9", "10", "11"])
            #expect(newest.hasOlder && !newest.hasNewer)
            // Walking back from it
            let older = try await service.history(alice, general, from: newest.olderCursor!, limit: 5)
            #expect(older.messages.map(\.text) == ["2", "3", "4", "5", "6"])
            let oldest = try await service.history(alice, general, from: older.olderCursor!, limit: 5)
            #expect(oldest.messages.map(\.text) == ["0", "1"])
            #expect(!oldest.hasOlder && oldest.olderCursor == nil)
            // And forwards again from the first message
            let forward = try await service.history(alice, general, from: .after(sent[0].id), limit: 5)
            #expect(forward.messages.map(\.text) == ["1", "2", "3", "4", "5"])
            #expect(forward.hasNewer)
            let last = try await service.history(alice, general, from: .after(sent[9].id), limit: 5)
            #expect(last.messages.map(\.text) == ["10", "11"])
            #expect(!last.hasNewer && last.newerCursor == nil)
            #expect(newest.messages.map(\.sequence) == newest.messages.map(\.sequence).sorted())
        }
    }

    @Test func theOldestPageStartsAtTheRoomsFirstMessage() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            _ = try await fill(service, alice, count: 7)
            let first = try await service.history(alice, general, from: .oldest, limit: 5)
            #expect(first.messages.map(\.text) == ["0", "1", "2", "3", "4"])
            #expect(!first.hasOlder && first.hasNewer)
            let rest = try await service.history(alice, general, from: first.newerCursor!, limit: 5)
            #expect(rest.messages.map(\.text) == ["5", "6"])
            #expect(!rest.hasNewer)
        }
    }

    @Test func aCursorFromAnotherRoomIsRefused() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            let message = try await service.send(alice, general, "here")
            let other = try await service.call(.createRoom(token: alice, name: "#other")).room!
            #expect(
                await service.refusal(.history(token: alice, room: other.id, from: .before(message.id)))
                    == .unknownMessage(message.id))
        }
    }

    @Test func unreadCountsFollowTheReadMarker() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            let bob = try await service.enter("bob")
            // Given bob sends three messages and alice one
            let sent = try await fill(service, bob, count: 3)
            _ = try await service.send(alice, general, "mine")
            // Then alice has three unread (her own do not count) and bob one
            #expect(try await service.rooms(alice).first?.unreadCount == 3)
            #expect(try await service.rooms(bob).first?.unreadCount == 1)
            // When alice reads up to the second
            let room = try await service.call(.markRead(token: alice, room: general, upTo: sent[1].id)).room
            #expect(room?.unreadCount == 1)
            // A marker never moves back
            let again = try await service.call(.markRead(token: alice, room: general, upTo: sent[0].id)).room
            #expect(again?.unreadCount == 1)
            // Deleted messages are not unread
            _ = try await service.call(.delete(token: bob, message: sent[2].id))
            #expect(try await service.rooms(alice).first?.unreadCount == 0)
        }
    }

    @Test func aNewcomerStartsWithNothingUnread() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            _ = try await fill(service, alice, count: 3)
            let bob = try await service.enter("bob")
            #expect(try await service.rooms(bob).first?.unreadCount == 0)
            _ = try await service.send(alice, general, "news")
            #expect(try await service.rooms(bob).first?.unreadCount == 1)
        }
    }
}
