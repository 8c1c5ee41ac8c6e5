import Foundation
import ParleyContracts
import ParleyTestKit
import ServiceRuntime
import Testing

extension MatrixBackendSuites {
    /// Others joining and leaving a room are told to the app (which counts the members, as `✓✓` needs), once
    /// each, however the server's sync answer carries the membership (timeline or lazy-loaded state).
    @Suite(.timeLimit(.minutes(3)))
    struct MatrixMembershipTests {
        @Test func anotherUsersJoinAndLeaveAreToldOnce() async throws {
            let (annPeer, bobPeer) = try await (MatrixPeer.start("ann"), MatrixPeer.start("bob"))
            let ann = try await annPeer.register("ann")
            let bob = try await bobPeer.register("bob")
            let name = "#" + TestHomeserver.uniqueUserName("members")
            let room = try await annPeer.messagingCall(.createRoom(token: ann.token, name: name)).room
            let annSees = annPeer.messaging.events()
            // When bob joins, ann is told he joined, and the room's listing counts him
            _ = try await bobPeer.messagingCall(.joinRoom(token: bob.token, name: name))
            let joined = MessagingEvent.memberJoined(room: room.id, user: bob.user)
            #expect(await firstElement(of: annSees, within: .seconds(30)) { $0 == joined } != nil)
            let members = try await annPeer.messagingCall(.listMembers(token: ann.token, room: room.id))
            #expect(members == .members([ann.user, bob.user].sorted()))
            // And when he leaves, that he left
            _ = try await bobPeer.messagingCall(.leaveRoom(token: bob.token, room: room.id))
            let left = MessagingEvent.memberLeft(room: room.id, user: bob.user)
            #expect(await firstElement(of: annSees, within: .seconds(30)) { $0 == left } != nil)
            await annPeer.close()
            await bobPeer.close()
        }
    }
}
