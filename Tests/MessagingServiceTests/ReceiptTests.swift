import ParleyContracts
import ParleyTestKit
import Testing

/// Read receipts on the local store: they move with the read marker, forward only, are told live to every
/// instance on the data directory, come with each page of history, and are not sent when the reader says so.
@Suite(.timeLimit(.minutes(1)))
struct ReceiptTests {
    @Test func aReceiptIsToldLiveToTheOtherInstanceAndComesWithHistory() async throws {
        try await MessagingFixture.runPair { first, second in
            // Given alice's message in #general, and bob in another process
            let alice = try await first.enter("alice")
            let bob = try await second.enter("bob")
            let aliceSees = first.host.events()
            let hello = try await first.send(alice, general, "hello bob")
            // When bob reads the room
            _ = try await second.call(.markRead(token: bob, room: general, upTo: hello.id))
            // Then alice is told, and a page of history carries the receipt
            let receipt = ReadReceipt(user: "bob", message: hello.id, sequence: hello.sequence)
            let moved = MessagingEvent.receiptMoved(room: general, receipt: receipt)
            #expect(await firstElement(of: aliceSees) { $0 == moved } != nil)
            #expect(try await first.history(alice, general).receipts == [receipt])
        }
    }

    @Test func aReceiptNeverMovesBack() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            let bob = try await service.enter("bob")
            let older = try await service.send(alice, general, "one")
            let newer = try await service.send(alice, general, "two")
            _ = try await service.call(.markRead(token: bob, room: general, upTo: newer.id))
            _ = try await service.call(.markRead(token: bob, room: general, upTo: older.id))
            let receipts = try await service.history(alice, general).receipts
            #expect(receipts == [ReadReceipt(user: "bob", message: newer.id, sequence: newer.sequence)])
        }
    }

    @Test func withReceiptsOffTheMarkerMovesAndNoReceiptIsSent() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            let bob = try await service.enter("bob")
            let hello = try await service.send(alice, general, "hello")
            let read = try await service.call(.markRead(token: bob, room: general, upTo: hello.id, sendsReceipt: false))
            #expect(read.room?.unreadCount == 0)
            #expect(try await service.history(alice, general).receipts == [])
        }
    }

    @Test func aMemberWhoLeftShowsNoReceipt() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            let bob = try await service.enter("bob")
            let room = try await service.call(.createRoom(token: alice, name: "#talk")).room!.id
            _ = try await service.call(.joinRoom(token: bob, name: "#talk"))
            let hello = try await service.send(alice, room, "hello")
            _ = try await service.call(.markRead(token: bob, room: room, upTo: hello.id))
            #expect(try await service.history(alice, room).receipts.map(\.user) == ["bob"])
            _ = try await service.call(.leaveRoom(token: bob, room: room))
            #expect(try await service.history(alice, room).receipts == [])
        }
    }
}
