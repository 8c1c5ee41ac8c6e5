import Testing

@testable import ServiceRuntime

@Suite(.timeLimit(.minutes(1)))
struct PendingCallTests {
    typealias Call = PendingCall<Int, TestService.Refusal>

    @Test func anOutcomeThatCameBeforeTheCallerIsTakenWithoutParking() throws {
        let call = Call()
        #expect(!call.isDone(generation: 0) && !call.isReady && call.takeReadyOutcome() == nil)
        #expect(call.complete(.success(7), generation: 0))
        #expect(call.isDone(generation: 0) && call.isReady)
        #expect(try call.takeReadyOutcome()?.get() == 7)
        // A late completer (a reply after the deadline sweeper, say) loses and changes nothing.
        #expect(!call.complete(.success(8), generation: 0))
        #expect(try call.takeReadyOutcome()?.get() == 7)
    }

    @Test func aParkedCallerIsResumedWithTheFirstOutcome() async throws {
        let call = Call()
        let waiter = Task { await withUnsafeContinuation { call.wait($0) } }
        let completer = Task {
            // Whether the caller has parked yet or not, the first outcome is the one it gets.
            #expect(call.complete(.success(1), generation: 0))
            #expect(!call.complete(.success(2), generation: 0))
        }
        await completer.value
        #expect(try await waiter.value.get() == 1)
    }

    @Test func racingCompletersResumeTheCallerExactlyOnceWithTheWinnersOutcome() async throws {
        for _ in 0..<500 {
            let call = Call()
            async let outcome = withUnsafeContinuation { call.wait($0) }
            let winners = await withTaskGroup(of: Int?.self) { group in
                for value in 0..<4 {
                    group.addTask { call.complete(.success(value), generation: 0) ? value : nil }
                }
                return await group.compactMap { $0 }.reduce(into: [Int]()) { $0.append($1) }
            }
            let received = try await outcome.get()
            #expect(winners == [received])
        }
    }

    @Test func aReusedCallIgnoresLateCompletionsOfItsEarlierUse() throws {
        // Given a call whose first use timed out (the sweeper completed it) and was taken back for reuse
        let call = Call()
        #expect(call.complete(.failure(.timedOut(service: "test", after: .milliseconds(1))), generation: 0))
        _ = call.takeReadyOutcome()
        call.recycle()
        #expect(call.generation == 1)
        #expect(!call.isDone(generation: 1) && !call.isReady)
        // When the first use's late reply comes in, then the second use's own reply
        #expect(!call.complete(.success(99), generation: 0))
        #expect(call.isDone(generation: 0))
        #expect(!call.isReady && call.takeReadyOutcome() == nil)
        #expect(call.complete(.success(2), generation: 1))
        // Then the second caller sees only its own reply
        #expect(try call.takeReadyOutcome()?.get() == 2)
    }

    @Test func aParkedCallerOfALaterUseIsNotResumedByAnEarlierUsesCompleter() async throws {
        let call = Call()
        #expect(call.complete(.success(1), generation: 0))
        call.recycle()
        let waiter = Task { await withUnsafeContinuation { call.wait($0) } }
        #expect(!call.complete(.success(-1), generation: 0))
        #expect(call.complete(.success(2), generation: 1))
        #expect(try await waiter.value.get() == 2)
    }
}

struct RingBufferTests {
    @Test func elementsAreOldestFirstBeforeAndAfterTheRingWraps() {
        var ring = RingBuffer<Int>(capacity: 3)
        ring.append(1)
        ring.append(2)
        #expect(ring.elements == [1, 2])
        for value in 3...5 { ring.append(value) }
        #expect(ring.elements == [3, 4, 5])
        #expect(ring.count == 3)
    }
}
