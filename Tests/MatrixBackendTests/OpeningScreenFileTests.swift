import Foundation
import MatrixClient
import ParleyContracts
import ParleyCore
import ParleyStorage
import ParleyTestKit
import Testing

@testable import AccountService
@testable import ParleyApp

/// The last screen kept on disk for the next start's first frame: read back only for the user whose session
/// is kept, on the same server; anything else there is ignored. No homeserver is asked anything.
struct OpeningScreenFileTests {
    static let server = "http://127.0.0.1:9"

    static func screen(of user: String, server: String = "example.org", said text: String) -> OpeningScreen {
        let room = Room(id: RoomID("!r:\(server)"), kind: .publicRoom, name: "#talk", memberCount: 2, unreadCount: 1)
        return OpeningScreen(
            user: user, server: server, displayName: user.capitalized, rooms: [room], currentRoom: room.id,
            messages: [
                ChatMessage(
                    id: MessageID("$1"), room: room.id, sender: "bob", text: text, sentAt: Date(), sequence: 1)
            ])
    }

    /// A data directory on which `userID` signed in last (its session kept, as the account service keeps it).
    static func environment(keeping userID: String?, in directory: TemporaryDirectory) throws -> AppEnvironment {
        let environment = try AppEnvironment.resolve(
            dataPath: directory.dataDirectory.path, configPath: directory.file("none.toml").path, serverURL: server)
        if let userID {
            try MatrixSessionStore(dataDirectory: environment.dataDirectory, server: try Homeserver(server)).save(
                .init(session: .init(userID: userID, accessToken: "token", deviceID: nil), displayName: "Ann"),
                localpart: MatrixName.localpart(of: userID))
        }
        return environment
    }

    static func files(_ environment: AppEnvironment) throws -> OpeningScreenFiles {
        OpeningScreenFiles(dataDirectory: environment.dataDirectory, server: try Homeserver(server))
    }

    /// The one file kept for `user`, wherever under `opening-screens/` the server's folder is.
    static func keptFile(of user: String, in environment: AppEnvironment) throws -> URL {
        let folder = environment.dataDirectory.url.appendingPathComponent("opening-screens")
        let found = (FileManager.default.subpaths(atPath: folder.path) ?? []).filter { $0.hasSuffix("/\(user).json") }
        return folder.appendingPathComponent(try #require(found.first, "no screen kept for \(user)"))
    }

    @Test func theKeptUsersScreenIsReadBackAndPrivateToTheirAccount() throws {
        let directory = TemporaryDirectory("opening-kept")
        defer { directory.remove() }
        let environment = try Self.environment(keeping: "@ann:example.org", in: directory)
        let screen = Self.screen(of: "ann", said: "see you tomorrow")
        try Self.files(environment).save(screen)
        #expect(AppInstance.openingScreen(environment) == screen)
        let file = try Self.keptFile(of: "ann", in: environment)
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func anotherUsersScreenIsNeverShown() throws {
        let directory = TemporaryDirectory("opening-other")
        defer { directory.remove() }
        let environment = try Self.environment(keeping: "@ann:example.org", in: directory)
        // Bob's screen, and one of another server's ann, are on disk; ann's session is the one kept.
        try Self.files(environment).save(Self.screen(of: "bob", said: "bob's secret"))
        #expect(AppInstance.openingScreen(environment) == nil)
        try Self.files(environment).save(Self.screen(of: "ann", server: "other.org", said: "another ann's"))
        #expect(AppInstance.openingScreen(environment) == nil)
    }

    @Test func aDamagedScreenOrNoKeptSessionShowsNothing() throws {
        let directory = TemporaryDirectory("opening-damaged")
        defer { directory.remove() }
        let signedOut = try Self.environment(keeping: nil, in: directory)
        try Self.files(signedOut).save(Self.screen(of: "ann", said: "kept without a session"))
        #expect(AppInstance.openingScreen(signedOut) == nil)

        let environment = try Self.environment(keeping: "@ann:example.org", in: directory)
        try Self.files(environment).save(Self.screen(of: "ann", said: "about to be damaged"))
        let file = try Self.keptFile(of: "ann", in: environment)
        try Data("{\"format\": 1, \"user\": \"ann\", \"rooms\": [tru".utf8).write(to: file)
        #expect(AppInstance.openingScreen(environment) == nil)
        var older = Self.screen(of: "ann", said: "from another version")
        older.format = OpeningScreen.currentFormat + 1
        try JSONEncoder().encode(older).write(to: file)
        #expect(AppInstance.openingScreen(environment) == nil)
    }
}
