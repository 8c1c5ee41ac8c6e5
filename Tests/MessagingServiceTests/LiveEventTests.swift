import ParleyContracts
import ParleyTestKit
import Testing

/// Two service instances on one data directory stand in for two `parley` processes: each must publish
/// what the other wrote.
@Suite(.timeLimit(.minutes(1)))
struct LiveEventTests {
    @Test func messagesWrittenByOneInstanceArriveAtTheOther() async throws {
        try await MessagingFixture.runPair { first, second in
            let alice = try await first.enter("alice")
            let bob = try await second.enter("bob")
            let bobSees = second.host.events()
            let aliceSees = first.host.events()
            // When alice posts through the first instance, bob's instance publishes it
            let sent = try await first.send(alice, general, "hi bob")
            #expect(await firstElement(of: bobSees) { $0 == .messagePosted(sent) } != nil)
            // And the other way round, with a reply
            let reply = try await second.send(bob, general, "hi alice", replyTo: sent.id)
            #expect(await firstElement(of: aliceSees) { $0 == .messagePosted(reply) } != nil)
            // Edits and deletions travel too
            let edited = try await first.call(.edit(token: alice, message: sent.id, text: "hi Bob")).message!
            #expect(await firstElement(of: bobSees) { $0 == .messageEdited(edited) } != nil)
            let tombstone = try await first.call(.delete(token: alice, message: sent.id)).message!
            #expect(await firstElement(of: bobSees) { $0 == .messageDeleted(tombstone) } != nil)
        }
    }

    @Test func membershipAndReadMarkersArriveWhereTheyConcernTheAudience() async throws {
        try await MessagingFixture.runPair { first, second in
            let alice = try await first.enter("alice")
            let bob = try await second.enter("bob")
            let bobSees = second.host.events()
            let aliceSees = first.host.events()
            // Bob's instance hears that alice joined his room
            let room = try await second.call(.createRoom(token: bob, name: "#plans")).room!.id
            _ = try await first.call(.joinRoom(token: alice, name: "#plans"))
            #expect(await firstElement(of: bobSees) { $0 == .memberJoined(room: room, user: "alice") } != nil)
            // Alice's own instance hears her read marker move
            let message = try await second.send(bob, room, "tuesday?")
            _ = try await first.call(.markRead(token: alice, room: room, upTo: message.id))
            #expect(
                await firstElement(of: aliceSees) {
                    $0 == .readMarkerMoved(room: room, user: "alice", upTo: message.id)
                }
                    != nil)
            // And bob's hears her leave, but never her read marker: events arrive in order, so by then it would have
            let left = await collect(bobSees, until: .memberLeft(room: room, user: "alice")) {
                _ = try? await first.call(.leaveRoom(token: alice, room: room))
            }
            #expect(left.last == .memberLeft(room: room, user: "alice"))
            #expect(!left.contains { if case .readMarkerMoved = $0 { true } else { false } })
        }
    }

    @Test func eventsOfRoomsTheAudienceIsNotInStayPrivate() async throws {
        try await MessagingFixture.runPair { first, second in
            let alice = try await first.enter("alice")
            try await second.enter("bob")
            let bobSees = second.host.events()
            // When alice talks in a room of her own, then in #general
            let secret = try await first.call(.createRoom(token: alice, name: "#secret")).room!.id
            _ = try await first.send(alice, secret, "for my eyes only")
            let open = try await first.send(alice, general, "hello all")
            // Then bob's instance has published the #general message, and nothing from #secret before it
            let seen = await collect(bobSees, until: .messagePosted(open)) {}
            #expect(seen.last == .messagePosted(open))
            #expect(seen.allSatisfy { $0.room != secret })
        }
    }

    /// Runs `action`, then gathers events until `last` arrives (or ten seconds pass).
    private func collect(
        _ stream: AsyncStream<MessagingEvent>, until last: MessagingEvent, after action: () async -> Void
    ) async -> [MessagingEvent] {
        await action()
        let gathered = Gathered()
        _ = await firstElement(of: stream) { event in
            gathered.append(event)
            return event == last
        }
        return gathered.events
    }
}
