import Foundation
import MatrixClient
import ParleyContracts
import ParleyTestKit
import ServiceRuntime
import Testing

extension MatrixBackendSuites {
    /// Typing with a Matrix client that is not Parley: its `/typing` reaches Parley as who is typing, and
    /// Parley's reaches it as `m.typing` in its sync.
    @Suite(.timeLimit(.minutes(3)))
    struct MatrixTypingTests {
        @Test func typingTravelsBothWaysBetweenParleyAndAPlainMatrixClient() async throws {
            let setting = try await PlainClientRoom.start("typing")
            let (peer, ann, plain, zedName, room) = (
                setting.peer, setting.ann, setting.plain, setting.zedName, setting.room
            )
            let annSees = peer.messaging.events()

            // The plain client types: ann is told who is typing, then that nobody is
            try await plain.setTyping(true, in: room.id.rawValue, timeout: .seconds(30))
            let typing = MessagingEvent.typing(room: room.id, users: [zedName])
            #expect(await firstElement(of: annSees, within: .seconds(30)) { $0 == typing } != nil)
            try await plain.setTyping(false, in: room.id.rawValue, timeout: .seconds(30))
            let stopped = MessagingEvent.typing(room: room.id, users: [])
            #expect(await firstElement(of: annSees, within: .seconds(30)) { $0 == stopped } != nil)

            // Ann types through Parley: the plain client's sync names her in m.typing
            #expect(
                try await peer.messagingCall(.typing(token: ann.token, room: room.id, isTyping: true)) == .accepted)
            let seen = try await eventually(timeout: .seconds(30)) {
                let answer = try await plain.sync(timeout: .zero)
                let events = answer.rooms.join[room.id.rawValue]?.ephemeral ?? []
                return events.contains { event in
                    event.type == "m.typing"
                        && (event.content["user_ids"]?.arrayValue ?? []).contains {
                            $0.stringValue?.hasPrefix("@ann") == true
                        }
                }
            }
            #expect(seen)
            try await setting.close()
        }
    }
}
