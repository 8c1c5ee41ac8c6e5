import Foundation
import MatrixClient
import ParleyContracts
import ParleyTestKit
import ServiceRuntime
import Testing

extension MatrixBackendSuites {
    /// The account service on the test homeserver: sign-up, sign-in, the session kept on disk and resumed,
    /// sign-out, profile and directory.
    @Suite(.timeLimit(.minutes(2)))
    struct MatrixAccountTests {
        @Test func registeringSignsInAndTheSessionIsTheAccessToken() async throws {
            let peer = try await MatrixPeer.start("account")
            let name = TestHomeserver.uniqueUserName("ann")
            let session = try await peer.accountCall(
                .register(name: name, password: "correct horse", displayName: "Ann")
            )
            .session
            #expect(session.user == name)
            #expect(session.displayName == "Ann")
            // The token is a Matrix access token: a plain client of the server accepts it
            let plain = KeptClients.plain(
                peer.server, session: .init(userID: "", accessToken: session.token, deviceID: nil))
            #expect(try await plain.whoami().userID.hasPrefix("@\(name):"))
            try await plain.shutdown()
            await peer.close()
        }

        @Test func theSessionIsKeptPrivatelyAndResumedAtTheNextStart() async throws {
            let directory = TemporaryDirectory("resume")
            let first = try await MatrixPeer.start(directory: directory)
            // Given nothing kept, resume is refused quietly
            #expect(
                await refusal(AccountError.self) {
                    _ = try await first.accountCall(.resume)
                } == .noStoredSession)
            let session = try await first.register("bea")
            await first.close(removing: false)
            // The session file is readable by its owner only
            let folder = directory.dataDirectory.url.appendingPathComponent("matrix-sessions")
            let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter {
                $0.hasSuffix(".json")
            }
            #expect(files.count == 1)
            let mode =
                try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(files[0]).path)[
                    .posixPermissions] as? Int
            #expect(mode == 0o600)
            // When the app starts again, resume signs in as the same user with the same token
            let second = try await MatrixPeer.start(directory: directory)
            let resumed = try await second.accountCall(.resume).session
            #expect(resumed.token == session.token)
            #expect(resumed.user == session.user)
            // After /logout the token is dead on the server and nothing is resumed
            _ = try await second.accountCall(.logout(token: session.token))
            #expect(
                await refusal(AccountError.self) {
                    _ = try await second.accountCall(.resume)
                } == .noStoredSession)
            #expect(
                await refusal(MessagingError.self) {
                    _ = try await second.messagingCall(.joinRoom(token: session.token, name: "#nowhere"))
                } == .sessionRefused(server: second.server.name))
            await second.close()
        }

        @Test func signInAcceptsTheFullUserIDAndRefusesAWrongPassword() async throws {
            let peer = try await MatrixPeer.start("login")
            let session = try await peer.register("cid")
            let whoami = try await KeptClients.plain(
                peer.server, session: .init(userID: "", accessToken: session.token, deviceID: nil)
            ).whoamiClosing()
            let again = try await peer.accountCall(.login(name: whoami, password: "correct horse")).session
            #expect(again.user == session.user)
            #expect(again.token != session.token)
            #expect(
                await refusal(AccountError.self) {
                    _ = try await peer.accountCall(.login(name: session.user, password: "wrong horse"))
                } == .wrongCredentials)
            #expect(
                await refusal(AccountError.self) {
                    _ = try await peer.accountCall(
                        .register(name: session.user, password: "correct horse", displayName: nil))
                } == .nameTaken(session.user))
            await peer.close()
        }

        @Test func profileStatusAndDirectory() async throws {
            let peer = try await MatrixPeer.start("profile")
            let session = try await peer.register("dee")
            let reply = try await peer.accountCall(
                .updateProfile(token: session.token, displayName: "Dee Dee", statusText: "at lunch"))
            guard case let .profile(profile) = reply else { throw UnexpectedReply(description: "\(reply)") }
            #expect(profile.name == session.user)
            #expect(profile.displayName == "Dee Dee")
            #expect(profile.status == "at lunch")
            // The heartbeat keeps the status; presence of the user reads back online
            _ = try await peer.accountCall(.heartbeat(token: session.token, presence: .online))
            let presence = try await peer.accountCall(.presence(of: [session.user]))
            #expect(presence == .presence([session.user: .online]))
            // The directory finds the user by display name (a server lists users who are in a public room)
            _ = try await peer.messagingCall(
                .createRoom(token: session.token, name: "#" + TestHomeserver.uniqueUserName("lobby")))
            let found = try await eventually {
                let reply = try await peer.accountCall(.directory(search: "Dee Dee", limit: 10))
                guard case let .directory(profiles) = reply else { return false }
                return profiles.contains { $0.name == session.user }
            }
            #expect(found)
            await peer.close()
        }
    }
}

extension MatrixClient {
    /// The signed-in user's id, then the client closed.
    func whoamiClosing() async throws -> String {
        let userID = try await whoami().userID
        try await shutdown()
        return userID
    }
}
