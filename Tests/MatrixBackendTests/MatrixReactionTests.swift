import Foundation
import MatrixClient
import ParleyContracts
import ParleyTestKit
import ServiceRuntime
import Testing

extension MatrixBackendSuites {
    /// Reactions with a Matrix client that is not Parley: its `m.reaction` annotations reach Parley grouped
    /// with counts, Parley's reach it as annotations, and redactions take them back both ways.
    @Suite(.timeLimit(.minutes(3)))
    struct MatrixReactionTests {
        @Test func reactionsTravelBothWaysBetweenParleyAndAPlainMatrixClient() async throws {
            let setting = try await PlainClientRoom.start("react")
            let (peer, ann, plain, zedName, room) = (
                setting.peer, setting.ann, setting.plain, setting.zedName, setting.room
            )
            let annSees = peer.messaging.events()
            let sent = try await peer.send(ann, room.id, "ship it?")
            let delivered = try await eventually(timeout: .seconds(30)) {
                try await plain.messages(in: room.id.rawValue, limit: 20).chunk
                    .contains { $0.message?.body == "ship it?" }
            }
            #expect(delivered)
            let target =
                try await plain.messages(in: room.id.rawValue, limit: 20).chunk
                .first { $0.message?.body == "ship it?" }?.eventID ?? ""

            // The plain client annotates ann's message: ann sees it counted under the message
            let annotation = JSONValue.object([
                "m.relates_to": .object([
                    "rel_type": .string("m.annotation"), "event_id": .string(target), "key": .string("🚀"),
                ])
            ])
            let zedReaction = try await plain.send(
                annotation, type: "m.reaction", to: room.id.rawValue, transactionID: "zed-react-1")
            let given = MessagingEvent.reactionsChanged(
                room: room.id, message: sent.id, reactions: [Reaction(key: "🚀", users: [zedName])])
            #expect(await firstElement(of: annSees, within: .seconds(30)) { $0 == given } != nil)

            // Ann reacts through Parley: the plain client sees an m.annotation of the same message
            let reply = try await peer.messagingCall(.react(token: ann.token, message: sent.id, key: "🚀")).message
            #expect(reply.reactions == [Reaction(key: "🚀", users: [zedName, ann.user])])
            let annotated = try await eventually(timeout: .seconds(30)) {
                try await plain.messages(in: room.id.rawValue, limit: 20).chunk.contains {
                    $0.type == "m.reaction" && $0.sender?.hasPrefix("@ann") == true && !$0.isRedacted
                        && $0.content["m.relates_to"]?["event_id"]?.stringValue == target
                }
            }
            #expect(annotated)
            // Ann's history carries the reactions too
            let page = try await peer.messagingCall(.history(token: ann.token, room: room.id)).history
            #expect(page.messages.last { $0.id == sent.id }?.reactions == reply.reactions)

            // Ann takes hers back: the plain client sees her reaction redacted
            let after = try await peer.messagingCall(.unreact(token: ann.token, message: sent.id)).message
            #expect(after.reactions == [Reaction(key: "🚀", users: [zedName])])
            let redacted = try await eventually(timeout: .seconds(30)) {
                try await plain.messages(in: room.id.rawValue, limit: 20).chunk.contains {
                    $0.type == "m.reaction" && $0.sender?.hasPrefix("@ann") == true && $0.isRedacted
                }
            }
            #expect(redacted)

            // The plain client takes its own back: ann sees none left
            try await plain.redact(zedReaction, in: room.id.rawValue, transactionID: "zed-unreact-1")
            let none = MessagingEvent.reactionsChanged(room: room.id, message: sent.id, reactions: [])
            #expect(await firstElement(of: annSees, within: .seconds(30)) { $0 == none } != nil)
            try await setting.close()
        }
    }
}
