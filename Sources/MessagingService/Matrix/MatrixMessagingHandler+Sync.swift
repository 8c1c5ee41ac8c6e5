import MatrixClient
import ParleyContracts
import ServiceRuntime

/// The app instance's one sync loop: long-polls the homeserver from the stored `since`, stores each answer
/// in one transaction, then publishes what it changed.
extension MatrixMessagingHandler {
    /// Starts the loop for the account signed in last, if any, as a restarted service does.
    mutating func resumeSync(context: Context) {
        guard let (account, token) = try? cache.lastAccount() else { return }
        client.setSession(.init(userID: account, accessToken: token, deviceID: nil))
        let reader = MatrixEventReader(account: account)
        self.reader = reader
        startSync(reader: reader, context: context)
    }

    /// Starts the loop for the account unless it already runs; a loop for another account is replaced. It runs
    /// in the service's context, so stopping the service stops it; the next start resumes from `since`.
    func startSync(reader: MatrixEventReader, context: Context) {
        let account = reader.account
        guard !sync.isRunning(for: account) else { return }
        let (client, cache, sync) = (client, cache, sync)
        let filler = GapFiller(client: client, cache: cache, maximumEvents: catchUpLimit)
        // Backing off at most a few seconds: a server that comes back is noticed about as soon as the outbox's
        // next try.
        let loop = SyncLoop(client: client, maximumBackoff: .seconds(5), onStateChange: { sync.loopChanged(to: $0) })
        let generation = sync.nextGeneration()
        let task = Task {
            defer { sync.ended(generation) }
            do {
                let since = try cache.since(account: account)
                try await loop.run(since: since) { response in
                    let gaps = try await filler.gaps(in: response, account: account)
                    let outcome = try cache.apply(response, gaps: gaps, reader: reader)
                    sync.stored()
                    for event in outcome.events { context.publish(event) }
                    for invite in outcome.directInvites {
                        // A direct conversation someone opened with us: joined as other clients do.
                        await Self.acceptDirect(invite.room, from: invite.inviter, client: client)
                    }
                }
            } catch {
                // A refused token (the next request says so), or a cache that cannot be written: the loop
                // ends, and the next `hello` starts it again.
            }
        }
        sync.replace(with: task, account: account)
        context.spawn {
            await withTaskCancellationHandler {
                _ = await task.value
            } onCancel: {
                task.cancel()
            }
        }
    }

    /// Joins a direct conversation we were invited to and records it in our `m.direct`.
    static func acceptDirect(_ room: String, from inviter: String, client: MatrixClient) async {
        guard (try? await client.join(room)) != nil else { return }
        try? await addDirect(room, with: inviter, client: client)
    }

    /// Adds `room` to the account's `m.direct` under `user`, keeping the rest.
    static func addDirect(_ room: String, with user: String, client: MatrixClient) async throws {
        var directs = (try await client.accountData("m.direct"))?.objectValue ?? [:]
        var rooms = directs[user]?.arrayValue ?? []
        guard !rooms.contains(.string(room)) else { return }
        rooms.append(.string(room))
        directs[user] = .array(rooms)
        try await client.setAccountData("m.direct", to: .object(directs))
    }
}
