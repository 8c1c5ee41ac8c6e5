import AccountService
import AttachmentService
import Foundation
import MatrixClient
import MessagingService
import ParleyContracts
import ParleyStorage
import ParleyTestKit
import ServiceRuntime
import Synchronization
import Testing

/// One person's Parley against the test homeserver: the account, messaging and attachment services on Matrix
/// backends, over a data directory of their own (as on their own machine).
struct MatrixPeer: Sendable {
    let directory: TemporaryDirectory
    let server: Homeserver
    let account: ServiceHost<MatrixAccountHandler>
    let messaging: ServiceHost<MatrixMessagingHandler>
    let attachment: ServiceHost<MatrixAttachmentHandler>
    let clients: [MatrixClient]

    /// Starts a peer on `directory` (a fresh one unless given, to test a restart on the same data).
    static func start(
        _ label: String = "peer", directory: TemporaryDirectory? = nil, server serverURL: String? = nil,
        catchUpLimit: Int = MatrixMessaging.defaultCatchUpLimit
    ) async throws -> MatrixPeer {
        let server = try Homeserver(serverURL ?? TestHomeserver.current().url)
        let directory = directory ?? TemporaryDirectory(label)
        let data = directory.dataDirectory
        // A loaded machine may take seconds over a homeserver call: the deadline is generous.
        let configuration = ServiceConfiguration(defaultTimeout: .seconds(60))
        let account = MatrixAccount.makeHost(server: server, dataDirectory: data, configuration: configuration)
        let messaging = MatrixMessaging.makeHost(
            server: server, dataDirectory: data, configuration: configuration, catchUpLimit: catchUpLimit)
        let attachment = MatrixAttachments.makeHost(
            server: server, dataDirectory: data, configuration: configuration)
        KeptClients.keep([account.client, messaging.client, attachment.client])
        let peer = MatrixPeer(
            directory: directory, server: server, account: account.host, messaging: messaging.host,
            attachment: attachment.host, clients: [account.client, messaging.client, attachment.client])
        await peer.account.start()
        await peer.messaging.start()
        await peer.attachment.start()
        return peer
    }

    /// Stops the services and closes the clients; the data directory stays unless `removing`.
    func close(removing: Bool = true) async {
        await attachment.stop()
        await messaging.stop()
        await account.stop()
        for client in clients { try? await client.shutdown() }
        if removing { directory.remove() }
    }

    /// Registers a fresh user (a unique name from `prefix`) and says hello to messaging.
    func register(_ prefix: String) async throws -> Session {
        let name = TestHomeserver.uniqueUserName(prefix)
        let session = try await accountCall(.register(name: name, password: "correct horse", displayName: nil))
            .session
        _ = try await messagingCall(.hello(token: session.token))
        return session
    }

    func accountCall(_ request: AccountRequest) async throws -> AccountReply {
        try await account.request(request, caller: "test", timeout: .seconds(60))
    }

    func messagingCall(_ request: MessagingRequest) async throws -> MessagingReply {
        try await messaging.request(request, caller: "test", timeout: .seconds(60))
    }

    func attachmentCall(_ request: AttachmentRequest) async throws -> AttachmentReply {
        try await attachment.request(request, caller: "test", timeout: .seconds(60))
    }

    /// Sends `text` with a fresh id and returns the stored message.
    func send(_ session: Session, _ room: RoomID, _ text: String, replyTo: MessageID? = nil) async throws -> ChatMessage
    {
        let id = MessageID("t-\(UUID().uuidString.prefix(12))")
        return try await messagingCall(.send(token: session.token, room: room, id: id, text: text, replyTo: replyTo))
            .message
    }

    /// The room's messages from the newest page back to its first, oldest first.
    func wholeHistory(_ session: Session, _ room: RoomID, pageSize: Int = 50) async throws -> [ChatMessage] {
        var page = try await messagingCall(.history(token: session.token, room: room, limit: pageSize)).history
        var messages = page.messages
        while let older = page.olderCursor {
            page = try await messagingCall(.history(token: session.token, room: room, from: older, limit: pageSize))
                .history
            messages.insert(contentsOf: page.messages, at: 0)
        }
        return messages
    }
}

/// Every homeserver client a test makes, held until the process ends: a test that fails before closing its
/// clients then fails on its own, instead of crashing the whole run when a client is released unclosed
/// (async-http-client traps on that in debug builds).
enum KeptClients {
    private static let clients = Mutex<[MatrixClient]>([])

    static func keep(_ kept: [MatrixClient]) { clients.withLock { $0 += kept } }

    /// A plain client of the test homeserver, kept.
    static func plain(_ server: Homeserver, session: MatrixClient.Session? = nil) -> MatrixClient {
        let client = MatrixClient(homeserver: server, session: session)
        keep([client])
        return client
    }
}

/// What a reply carries, for tests that know which case to expect (a wrong case fails the test).
extension AccountReply {
    var session: Session {
        get throws {
            guard case let .session(session) = self else { throw UnexpectedReply(description: "\(self)") }
            return session
        }
    }
}

extension MessagingReply {
    var message: ChatMessage {
        get throws {
            guard case let .message(message) = self else { throw UnexpectedReply(description: "\(self)") }
            return message
        }
    }
    var room: Room {
        get throws {
            guard case let .room(room) = self else { throw UnexpectedReply(description: "\(self)") }
            return room
        }
    }
    var rooms: [Room] {
        get throws {
            switch self {
            case let .rooms(rooms), let .welcome(_, rooms): return rooms
            default: throw UnexpectedReply(description: "\(self)")
            }
        }
    }
    var history: HistoryPage {
        get throws {
            guard case let .history(page) = self else { throw UnexpectedReply(description: "\(self)") }
            return page
        }
    }
}

/// The service's own refusal of what `body` asked, or nil when it was not refused by the service.
func refusal<Failure: Error & Sendable>(
    _ type: Failure.Type, _ body: () async throws -> Void
) async -> Failure? {
    do {
        try await body()
        return nil
    } catch let error as ServiceCallError<Failure> {
        return error.failure
    } catch {
        return nil
    }
}

struct UnexpectedReply: Error, CustomStringConvertible {
    let description: String
}
