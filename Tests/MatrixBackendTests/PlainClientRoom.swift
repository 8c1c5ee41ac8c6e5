import Foundation
import MatrixClient
import ParleyContracts
import ParleyTestKit

/// The setting of the tests in which Parley meets a Matrix client that is not Parley: a Parley user, ann, who
/// creates a new room, and zed, a plain client of the same homeserver, who has joined it.
struct PlainClientRoom {
    let peer: MatrixPeer
    let ann: Session
    let plain: MatrixClient
    /// Zed's user name as Parley shows it (the localpart of `@zed…:server`).
    let zedName: String
    let room: Room

    /// Starts the Parley user's app (`user` names them), registers both, and has the Parley user make a room
    /// (named from `prefix`) that zed joins.
    static func start(_ prefix: String, user: String = "ann") async throws -> PlainClientRoom {
        let peer = try await MatrixPeer.start("parley")
        let ann = try await peer.register(user)
        let plain = KeptClients.plain(peer.server)
        let zed = try await plain.register(username: TestHomeserver.uniqueUserName("zed"), password: "correct horse")
        let name = "#" + TestHomeserver.uniqueUserName(prefix)
        let room = try await peer.messagingCall(.createRoom(token: ann.token, name: name)).room
        let server = zed.userID.split(separator: ":").last!
        _ = try await plain.join("\(name):\(server)")
        let zedName = String(zed.userID.dropFirst().split(separator: ":").first!)
        return PlainClientRoom(peer: peer, ann: ann, plain: plain, zedName: zedName, room: room)
    }

    /// Closes zed's client and ann's Parley.
    func close() async throws {
        try await plain.shutdown()
        await peer.close()
    }
}
