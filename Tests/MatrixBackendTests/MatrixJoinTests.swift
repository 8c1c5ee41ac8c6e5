import Foundation
import ParleyContracts
import ParleyTestKit
import ScenarioRunner
import ServiceRuntime
import Testing

extension MatrixBackendSuites {
    /// `/join #room` on a homeserver: `#room:server` found by its alias, or made by the first to join it.
    @Suite(.timeLimit(.minutes(3)))
    struct MatrixJoinTests {
        @Test func twoPeopleJoiningANewRoomAtOnceMeetInOneRoom() async throws {
            let (annPeer, bobPeer) = try await (MatrixPeer.start("ann"), MatrixPeer.start("bob"))
            let ann = try await annPeer.register("ann")
            let bob = try await bobPeer.register("bob")
            let name = "#" + TestHomeserver.uniqueUserName("meet")
            // Given both looked for the room before either made it
            for (peer, session) in [(annPeer, ann), (bobPeer, bob)] {
                #expect(
                    await refusal(MessagingError.self) {
                        _ = try await peer.messagingCall(.joinRoom(token: session.token, name: name))
                    } == .unknownRoom(name))
            }
            // When both make it, as the app does next, the second joins the first one's room
            let made = try await annPeer.messagingCall(.createRoom(token: ann.token, name: name)).room
            let met = try await bobPeer.messagingCall(.createRoom(token: bob.token, name: name)).room
            #expect(met.id == made.id)
            #expect(met.name == name)
            let members = try await bobPeer.messagingCall(.listMembers(token: bob.token, room: made.id))
            #expect(members == .members([ann.user, bob.user].sorted()))
            await annPeer.close()
            await bobPeer.close()
        }

        @Test func aNewcomerIsInNoRoomUntilJoiningOneWhichIsMadeIfNobodyHas() async throws {
            let server = try TestHomeserver.current().url
            let ann = TestHomeserver.uniqueUserName("ann")
            let bob = TestHomeserver.uniqueUserName("bob")
            let room = "#g" + UUID().uuidString.prefix(8).lowercased()
            let text = """
                server \(server)
                size 120x30
                timeout 30s
                user ann
                send /register \(ann) correct-horse
                expect screen contains signed in as \(ann)
                expect screen contains You are in no room. /join #general to start.
                send /join \(room)
                expect screen contains 1 \(room)
                send first!
                expect screen contains \(ann): first!
                expect screen lacks sending…

                user bob
                send /register \(bob) battery-staple
                expect screen contains You are in no room. /join #general to start.
                send /join \(room)
                expect screen contains 1 \(room)
                expect screen contains \(ann): first!
                """
            let directory = TemporaryDirectory("join")
            defer { directory.remove() }
            let report = try await MatrixBackendSuites.runScenario(text, named: "join.scenario", in: directory)
            #expect(report.sessions == 2)
        }
    }
}
