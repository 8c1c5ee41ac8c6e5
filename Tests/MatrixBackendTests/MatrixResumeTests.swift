import Foundation
import MatrixClient
import ParleyApp
import ParleyContracts
import ParleyTestKit
import ParleyViews
import Testing

extension MatrixBackendSuites {
    /// A start on a kept session opens on the cached screen without waiting for the homeserver (issue 8's first
    /// frame); the server's verdict on the token comes afterwards, with the first heartbeat.
    @Suite(.timeLimit(.minutes(3)))
    struct MatrixResumeTests {
        @Test func theCachedRoomIsDrawnWhileTheServerDoesNotAnswer() async throws {
            let homeserver = try TestHomeserver.current()
            let serverSwitch = try ServerSwitch(forwardingTo: homeserver.url)
            defer { serverSwitch.switchOff() }
            // Given ann signed in, in a room with a message of hers, who quit
            let first = try await MatrixAppUser.register("cached", server: serverSwitch.url)
            let room = "#" + TestHomeserver.uniqueUserName("cached")
            try await first.join(room)
            try await first.send("written before quitting")
            try await first.waitUntil("the message was never sent") { $0.chat.pending.isEmpty }
            await first.close(removing: false)

            // When the server takes connections and never answers, and she starts again
            serverSwitch.goSilent()
            // Then the first frame, drawn before any service starts, is her last screen
            let environment = try AppEnvironment.resolve(
                dataPath: first.directory.dataDirectory.path, configPath: first.directory.file("config.toml").path,
                serverURL: serverSwitch.url)
            let opening = try #require(AppInstance.openingScreen(environment), "her last screen was not kept")
            let firstFrame = ChatScreenView.beforeServices(width: 120, height: 40, opening: opening).render().lines
            #expect(firstFrame[0].hasPrefix(" Parley · \(room) · "))
            // The room list (whose column cuts the long test room name short) holds her one room.
            #expect(firstFrame[1].hasPrefix("1 #cached"))
            #expect(firstFrame.contains { $0.contains(": written before quitting") })
            let second = try await MatrixAppUser.start(
                name: first.name, directory: first.directory, server: serverSwitch.url)

            // Then she is signed in, in her room, with its messages from the cache on screen
            try await second.waitUntil("the cached room was never drawn") { state in
                let shown = state.chat.currentRoom.flatMap { state.chat.timelines[$0] } ?? []
                return state.chat.session != nil && state.chat.currentRoomSummary?.name == room
                    && shown.contains { $0.text == "written before quitting" }
            }
            await second.close()
        }

        @Test func aKeptTokenTheServerRefusesBringsTheSignInBackAndIsForgotten() async throws {
            let homeserver = try TestHomeserver.current()
            // Given ann signed in once and quit, and her session was then ended elsewhere
            let first = try await MatrixAppUser.register("refused", server: homeserver.url)
            let token = try #require(first.state?.chat.session?.token)
            await first.close(removing: false)
            let elsewhere = KeptClients.plain(
                try Homeserver(homeserver.url), session: .init(userID: "", accessToken: token, deviceID: nil))
            try await elsewhere.logout()

            // When she starts again, Then the first request with the kept token brings the sign-in back
            let second = try await MatrixAppUser.start(
                name: first.name, directory: first.directory, server: homeserver.url)
            try await second.waitUntil("the refused session was kept") { state in
                state.chat.session == nil && (state.notice ?? "").contains("no longer accepts your session")
            }
            // And it is forgotten: the next start has no session to resume
            let kept = first.directory.dataDirectory.url.appendingPathComponent("matrix-sessions")
            let files = (FileManager.default.subpaths(atPath: kept.path) ?? []).filter { $0.hasSuffix(".json") }
            #expect(files.isEmpty, "still kept: \(files)")
            await second.close()
        }
    }
}
