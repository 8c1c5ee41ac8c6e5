import Foundation
import MessagingService
import ParleyContracts
import ParleyStorage
import ParleyTestKit
import ServiceRuntime
import SessionTokens

typealias MessagingHost = ServiceHost<MessagingHandler>
typealias CallError = ServiceCallError<MessagingError>

/// A started messaging service on a fresh data directory, and the means to mint session tokens for it as
/// the account service would.
struct MessagingFixture {
    let directory: TemporaryDirectory
    let host: MessagingHost
    let signer: TokenSigner
    let revocations: RevocationList

    /// Starts a service; pass `sharing` to start a second one on the same data directory, standing in for
    /// another process.
    static func start(sharing other: MessagingFixture? = nil) async throws -> MessagingFixture {
        try await start(in: other?.directory ?? TemporaryDirectory("messaging"))
    }

    /// Starts a service on `directory`, which may already hold a data directory.
    static func start(in directory: TemporaryDirectory) async throws -> MessagingFixture {
        let host = MessagingService.makeHost(
            dataDirectory: directory.dataDirectory, configuration: ServiceConfiguration(defaultTimeout: .seconds(30)))
        await host.start()
        let revocations = try RevocationList(in: directory.dataDirectory)
        let signer = TokenSigner(
            key: try SessionKey.loadOrCreate(in: directory.dataDirectory), revocations: revocations)
        return MessagingFixture(directory: directory, host: host, signer: signer, revocations: revocations)
    }

    func token(_ user: String, session: String = UUID().uuidString, expiresIn seconds: TimeInterval = 3600) -> String {
        signer.sign(
            SessionClaims(
                user: user, session: session, issuedAt: Date(), expiresAt: Date(timeIntervalSinceNow: seconds)))
    }

    func call(_ request: MessagingRequest) async throws(CallError) -> MessagingReply {
        try await host.request(request)
    }

    /// The service's refusal of `request`, or nil if it was accepted.
    func refusal(_ request: MessagingRequest) async -> MessagingError? {
        do {
            _ = try await host.request(request)
            return nil
        } catch {
            return error.failure
        }
    }

    /// Says hello as `user` and returns their token.
    @discardableResult
    func enter(_ user: String) async throws -> String {
        let token = token(user)
        _ = try await call(.hello(token: token))
        return token
    }

    func send(
        _ token: String, _ room: RoomID, _ text: String, id: MessageID = MessageID(UUID().uuidString),
        replyTo: MessageID? = nil
    ) async throws -> ChatMessage {
        try await call(.send(token: token, room: room, id: id, text: text, replyTo: replyTo)).message!
    }

    func history(_ token: String, _ room: RoomID, from cursor: HistoryCursor = .newest, limit: Int = 50) async throws
        -> HistoryPage
    {
        try await call(.history(token: token, room: room, from: cursor, limit: limit)).page!
    }

    func rooms(_ token: String) async throws -> [Room] {
        try await call(.listRooms(token: token)).rooms!
    }

    /// Runs `body` with a service started on `directory` (a fresh one unless given), then stops it and removes
    /// the directory, whether `body` returned or threw: teardown is awaited, never left running after the test.
    static func run(
        in directory: TemporaryDirectory = TemporaryDirectory("messaging"),
        _ body: (MessagingFixture) async throws -> Void
    ) async throws {
        let service = try await start(in: directory)
        do {
            try await body(service)
        } catch {
            await service.close()
            throw error
        }
        await service.close()
    }

    /// Runs `body` with two services on one data directory, standing in for two processes, then stops both
    /// and removes the directory, as `run` does.
    static func runPair(_ body: (MessagingFixture, MessagingFixture) async throws -> Void) async throws {
        try await run { first in
            let second = try await start(sharing: first)
            do {
                try await body(first, second)
            } catch {
                await second.close(removing: false)
                throw error
            }
            await second.close(removing: false)
        }
    }

    /// Stops the service; with `removing`, deletes the data directory too (the last user of it does).
    func close(removing: Bool = true) async {
        await host.close()
        if removing { directory.remove() }
    }
}

let general = RoomID("#general")

extension MessagingReply {
    var room: Room? { if case let .room(room) = self { room } else { nil } }
    var rooms: [Room]? {
        switch self {
        case let .rooms(rooms), let .welcome(_, rooms): rooms
        default: nil
        }
    }
    var members: [String]? { if case let .members(names) = self { names } else { nil } }
    var message: ChatMessage? { if case let .message(message) = self { message } else { nil } }
    var page: HistoryPage? { if case let .history(page) = self { page } else { nil } }
    var found: [ChatMessage]? { if case let .found(messages) = self { messages } else { nil } }
    var outcomes: [Result<ChatMessage, MessagingError>]? {
        if case let .batch(outcomes) = self { outcomes } else { nil }
    }
}
