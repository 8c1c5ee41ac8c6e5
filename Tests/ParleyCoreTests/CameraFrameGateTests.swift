import Foundation
import ParleyContracts
import ParleyCore
import ParleyTestKit
import ServiceRuntime
import Synchronization
import Testing

/// A service that is not there: every request is unavailable, and it publishes nothing.
struct AbsentService<Request: ServiceRequest, Reply: Sendable, Event: Sendable, Failure: Error & Sendable>:
    ServiceEndpoint
{
    let name: String

    func request(_ request: Request, caller: String, timeout: Duration?) async throws(ServiceCallError<Failure>)
        -> Reply
    { throw .unavailable(service: name, state: .stopped) }

    func events(bufferSize: Int) -> AsyncStream<Event> { AsyncStream { $0.finish() } }
}

/// A camera that opens at once and publishes whatever the test gives it.
final class ScriptedCamera: ServiceEndpoint {
    let name = "camera"
    let info = CameraInfo(device: "lavfi:test", format: "yuv420p", width: 640, height: 480, frameRate: 30)
    private let subscribers = Mutex<[AsyncStream<CameraEvent>.Continuation]>([])

    func request(_ request: CameraRequest, caller: String, timeout: Duration?) async throws(ServiceCallError<
        CameraError
    >) -> CameraReply {
        switch request {
        case .open: .opened(info)
        default: .closed
        }
    }

    func events(bufferSize: Int) -> AsyncStream<CameraEvent> {
        let (stream, continuation) = AsyncStream<CameraEvent>.makeStream(bufferingPolicy: .bufferingNewest(bufferSize))
        subscribers.withLock { $0.append(continuation) }
        return stream
    }

    func publish(_ event: CameraEvent) {
        for subscriber in subscribers.withLock({ $0 }) { subscriber.yield(event) }
    }
}

@Suite(.timeLimit(.minutes(3)))
struct CameraFrameGateTests {
    @Test func framesABusyLoopCannotTakeAreDroppedNotQueued() async throws {
        let camera = ScriptedCamera()
        let clients = AppClients(
            account: AbsentService(name: "account"), messaging: AbsentService(name: "messaging"),
            attachment: AbsentService(name: "attachment"), media: AbsentService(name: "media"), camera: camera)
        let renders = Atomic<Int>(0)
        // A slow terminal: every render takes a while, so frames come faster than the loop can draw them.
        let loop = AppLoop(width: 100, height: 30, services: [], clients: clients) { _ in
            renders.add(1, ordering: .relaxed)
            Thread.sleep(forTimeInterval: 0.002)
        }
        let running = Task { await loop.run() }
        loop.send(AppLoopOutboxTests.session("tok"))
        let general = Room(id: RoomID("r1"), kind: .publicRoom, name: "#general", memberCount: 1, unreadCount: 0)
        loop.send(.messagingReplied(.hello(token: "tok"), .success(.welcome(user: "alice", rooms: [general]))))
        #expect(await eventually(timeout: .seconds(60)) { await loop.current.chat.currentRoom == general.id })
        for character in "/camera" { loop.send(.input(.key(.character(character)))) }
        loop.send(.input(.key(.enter)))
        #expect(await eventually(timeout: .seconds(60)) { await loop.current.camera.mode == .live })

        // When the camera publishes 500 frames at once
        let before = renders.load(ordering: .relaxed)
        for number in 1...500 { camera.publish(.frame(CameraFrame(number: number, rows: [[Cell("\(number % 10)")]]))) }
        camera.publish(.stats(CameraStats(info: camera.info, capturedPerSecond: 500)))

        // Then the loop draws a few of them, not all, and the panel's figures say how many were dropped
        #expect(await eventually(timeout: .seconds(60)) { await loop.current.camera.rates != nil })
        let rates = try #require(await loop.current.camera.rates)
        #expect(rates.drawn >= 1 && rates.drawn < 500)
        #expect(rates.dropped == 500 - rates.drawn)
        #expect(renders.load(ordering: .relaxed) - before < 500)

        loop.send(.input(.hangup))
        await running.value
    }
}
