import Foundation
import ParleyContracts
import ParleyCore
import ParleyTestKit
import ServiceRuntime
import Synchronization
import Testing

/// What a scenario step waits for: the requests its keys set off, and the requests their replies set off, until
/// every one is answered; and how the loop draws a burst of messages once rather than once each.
@Suite(.timeLimit(.minutes(1)))
struct AppLoopWaitingTests {
    /// Lets a test hold a request until it says so.
    final class Gate: Sendable {
        private let isOpen = Atomic<Bool>(false)
        func open() { isOpen.store(true, ordering: .releasing) }
        func wait() async {
            while !isOpen.load(ordering: .acquiring) { try? await Task.sleep(for: .milliseconds(1)) }
        }
    }

    /// An account service whose sign-ins wait at the gate; everything else is answered at once.
    struct GatedAccount: ServiceHandler {
        typealias Context = ServiceContext<AccountEvent, AccountRequest>
        let gate: Gate
        mutating func handle(_ request: AccountRequest, context: Context) async throws -> AccountReply {
            guard case let .login(name, _) = request else { return .done }
            await gate.wait()
            return .session(Session(token: "tok", user: name, displayName: name, expiresAt: .distantFuture))
        }
        typealias Failure = AccountError
    }

    /// A messaging service that knows no rooms.
    struct EmptyMessaging: ServiceHandler {
        typealias Context = ServiceContext<MessagingEvent, MessagingRequest>
        mutating func handle(_ request: MessagingRequest, context: Context) async throws -> MessagingReply {
            guard case .hello = request else { throw MessagingError.unknownRoom("") }
            return .welcome(user: "ann", rooms: [])
        }
        typealias Failure = MessagingError
    }

    struct NoAttachments: ServiceHandler {
        mutating func handle(
            _ request: AttachmentRequest, context: ServiceContext<AttachmentEvent, AttachmentRequest>
        ) async throws -> AttachmentReply { .bound }
        typealias Failure = AttachmentError
    }

    struct NoMedia: ServiceHandler {
        mutating func handle(
            _ request: MediaRequest, context: ServiceContext<MediaEvent, MediaRequest>
        ) async throws -> MediaReply { throw MediaError.missing(path: "") }
        typealias Failure = MediaError
    }

    @Test func theRequestsKeysSetOffAreOutstandingUntilTheyAndWhatTheyLedToAreAnswered() async throws {
        let gate = Gate()
        let account = ServiceHost<GatedAccount>(name: "account") { _ in GatedAccount(gate: gate) }
        let messaging = ServiceHost<EmptyMessaging>(name: "messaging") { _ in EmptyMessaging() }
        let attachment = ServiceHost<NoAttachments>(name: "attachment") { _ in NoAttachments() }
        let media = ServiceHost<NoMedia>(name: "media") { _ in NoMedia() }
        for host in [account, messaging, attachment, media] as [any ServiceControl] { await host.start() }
        let rendered = Mutex<AppState?>(nil)
        let loop = AppLoop(
            width: 80, height: 24, services: [account, messaging, attachment, media],
            clients: AppClients(account: account, messaging: messaging, attachment: attachment, media: media)
        ) { state in rendered.withLock { $0 = state } }
        let running = Task { await loop.run() }

        let first = loop.queuedCount + 1
        for character in "/login ann password-1" { loop.send(.input(.key(.character(character)))) }
        loop.send(.input(.key(.enter)))
        let last = loop.queuedCount
        #expect(await eventually { loop.outstanding(causedBy: first...last) == ["account.login"] })

        gate.open()
        // The reply leads to a hello and a heartbeat, caused by the same keys: waited for too, then done.
        #expect(await eventually { loop.outstanding(causedBy: first...last).isEmpty })
        #expect(await eventually { rendered.withLock { $0?.chat.session?.user } == "ann" })
        #expect(await eventually { rendered.withLock { $0?.notice } == "signed in as ann" })

        loop.send(.input(.hangup))
        await running.value
        for host in [account, messaging, attachment, media] as [any ServiceControl] { await host.stop() }
    }

    @Test func aBurstOfMessagesIsUpdatedOneByOneAndDrawnOnce() async throws {
        let frames = Mutex<[AppState]>([])
        let loop = AppLoop(width: 80, height: 24, services: []) { state in frames.withLock { $0.append(state) } }
        // Queued before the loop runs: it finds all of them waiting at once.
        for step in 1...500 { loop.send(.input(.resize(width: 80 + step, height: 24))) }
        let queued = loop.queuedCount
        let running = Task { await loop.run() }
        #expect(await eventually { loop.hasHandled(queued) })
        let drawn = frames.withLock { $0 }
        #expect(drawn.last?.width == 580)
        // The first frame, before anything is handled, and one for the burst.
        #expect(drawn.count == 2)
        loop.send(.input(.hangup))
        await running.value
    }
}

/// Read markers while messages stream into the room being read: one at once, the rest held back until the
/// clock ticks or the user moves on, so a flood does not write a marker per message.
struct ReadMarkerTests {
    static let general = Room(
        id: RoomID("r-general"), kind: .publicRoom, name: "#general", memberCount: 2, unreadCount: 0)
    static let random = Room(id: RoomID("r-random"), kind: .publicRoom, name: "#random", memberCount: 2, unreadCount: 0)
    static let start = Date(timeIntervalSince1970: 1_000_000)

    static func message(_ number: Int, at seconds: Double) -> ChatMessage {
        ChatMessage(
            id: MessageID("m\(number)"), room: general.id, sender: "bob", text: "message \(number)",
            sentAt: start.addingTimeInterval(seconds), sequence: Int64(number))
    }

    static func reading() -> AppState {
        var state = AppState(width: 80, height: 24, services: [])
        state.chat.session = Session(token: "tok", user: "alice", displayName: "Alice", expiresAt: .distantFuture)
        state.chat.rooms = [general, random]
        state.chat.currentRoom = general.id
        state.chat.timelines[general.id] = []
        return state
    }

    static func marks(_ effects: [AppEffect]) -> [MessageID] {
        effects.compactMap { effect in
            if case let .messaging(.markRead(_, _, upTo, _)) = effect { upTo } else { nil }
        }
    }

    @Test func aStreamOfMessagesMovesTheMarkerOnceASecondAndTheTickSendsTheLast() {
        var state = Self.reading()
        var marked: [MessageID] = []
        for number in 1...100 {
            marked += Self.marks(
                update(&state, .messagingEvent(.messagePosted(Self.message(number, at: 0.005 * Double(number))))))
        }
        #expect(marked == [MessageID("m1")])
        #expect(state.chat.rooms[0].unreadCount == 0)
        #expect(Self.marks(update(&state, .tick(Self.start.addingTimeInterval(5)))) == [MessageID("m100")])
        #expect(Self.marks(update(&state, .tick(Self.start.addingTimeInterval(10)))) == [])
    }

    @Test func aMessageASecondAfterTheLastMarkerIsMarkedAtOnce() {
        var state = Self.reading()
        #expect(
            Self.marks(update(&state, .messagingEvent(.messagePosted(Self.message(1, at: 0))))) == [MessageID("m1")])
        #expect(Self.marks(update(&state, .messagingEvent(.messagePosted(Self.message(2, at: 0.5))))) == [])
        #expect(
            Self.marks(update(&state, .messagingEvent(.messagePosted(Self.message(3, at: 1.5))))) == [MessageID("m3")])
    }

    @Test func movingToAnotherRoomSendsTheMarkerHeldBack() {
        var state = Self.reading()
        _ = update(&state, .messagingEvent(.messagePosted(Self.message(1, at: 0))))
        _ = update(&state, .messagingEvent(.messagePosted(Self.message(2, at: 0.1))))
        #expect(Self.marks(update(&state, .input(.key(.control("n"))))) == [MessageID("m2")])
        #expect(state.chat.currentRoom == Self.random.id)
    }

    @Test func timelinesKeepSequenceOrderWhateverOrderMessagesArriveIn() {
        var state = Self.reading()
        for number in [3, 1, 2, 5, 4] {
            _ = update(&state, .messagingEvent(.messagePosted(Self.message(number, at: Double(number)))))
        }
        var edited = Self.message(2, at: 2)
        edited.text = "edited"
        _ = update(&state, .messagingEvent(.messageEdited(edited)))
        let timeline = state.chat.timelines[Self.general.id] ?? []
        #expect(timeline.map(\.id.rawValue) == ["m1", "m2", "m3", "m4", "m5"])
        #expect(timeline[1].text == "edited")
    }
}
