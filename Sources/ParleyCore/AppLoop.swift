import Foundation
import ParleyContracts
import ServiceRuntime

/// Runs the app: feeds every message through `update`, renders the new state, and carries out the effects.
///
/// Front ends differ only in where messages come from and what `render` does with the state: the terminal
/// blits it, the scenario runner keeps the grid to read.
public actor AppLoop {
    private var state: AppState
    private let controls: [String: any ServiceControl]
    private let sink: AppInbox
    private let render: @Sendable (AppState) -> Void
    private let requests: ServiceRequestQueues?
    private let outbox: (any OutboxStore)?
    private let cache: (any ClientCache)?
    private let cacheWriter: ClientCacheWriter?
    private var background: [Task<Void, Never>] = []

    /// - Parameters:
    ///   - services: the app instance's services, in the order the panel lists them.
    ///   - clients: the services' contracts, for the chat; nil runs the service panel alone.
    ///   - tickInterval: how often time passes for `update` (heartbeats).
    ///   - outbox: where unsent messages are kept between runs; nil keeps them in memory only.
    ///   - cache: where the rooms are kept for when messaging cannot answer at the next sign-in; nil keeps none.
    ///   - render: called with every new state, from the loop's task.
    public init(
        width: Int, height: Int, services: [any ServiceControl], clients: AppClients? = nil,
        outbox: (any OutboxStore)? = nil, cache: (any ClientCache)? = nil,
        clientID: String = String(UInt64.random(in: 0...UInt64.max), radix: 36), tickInterval: Duration = .seconds(5),
        palette: Palette = .colors256, render: @escaping @Sendable (AppState) -> Void
    ) {
        self.outbox = outbox
        state = AppState(width: width, height: height, services: services.map(\.status), clientID: clientID)
        state.palette = palette
        state.isDebugPanelOpen = clients == nil
        controls = Dictionary(uniqueKeysWithValues: services.map { ($0.name, $0) })
        sink = AppInbox()
        self.render = render
        let sink = sink
        self.cache = cache
        cacheWriter = cache.map { ClientCacheWriter(cache: $0) { sink.yield(.problem($0)) } }
        requests = clients.map { ServiceRequestQueues(clients: $0, replies: sink) }
        for service in services {
            let updates = service.statusUpdates()
            background.append(
                Task {
                    for await status in updates {
                        sink.yield(.serviceStatus(status))
                        // The trace changes with the status; sent alongside, it keeps the panel's list current.
                        sink.yield(.serviceTrace(service: status.name, entries: service.recentTrace))
                    }
                })
        }
        if let clients {
            let accountEvents = clients.account.events()
            let messagingEvents = clients.messaging.events()
            let attachmentEvents = clients.attachment.events()
            let mediaEvents = clients.media.events()
            background.append(Task { for await event in accountEvents { sink.yield(.accountEvent(event)) } })
            background.append(Task { for await event in messagingEvents { sink.yield(.messagingEvent(event)) } })
            background.append(Task { for await event in attachmentEvents { sink.yield(.attachmentEvent(event)) } })
            background.append(Task { for await event in mediaEvents { sink.yield(.mediaEvent(event)) } })
            background.append(
                Task {
                    while !Task.isCancelled {
                        sink.yield(.tick(Date()))
                        try? await Task.sleep(for: tickInterval)
                    }
                })
        }
    }

    /// Queues a message; safe from any thread (the terminal's input thread, a test).
    public nonisolated func send(_ message: AppMsg) { sink.yield(message) }

    /// How many messages have been queued so far, from every source; with `hasHandled`, lets a caller wait
    /// until the loop has caught up with what it sent.
    public nonisolated var queuedCount: Int { sink.acceptedCount }

    /// Whether the loop has handled the first `count` messages queued (and rendered the result).
    public nonisolated func hasHandled(_ count: Int) -> Bool { sink.hasHandled(count) }

    /// The current state, for tests and the scenario runner.
    public var current: AppState { state }

    /// Handles messages until an effect asks to quit.
    public func run() async {
        render(state)
        for await message in sink.messages {
            let before = (token: state.chat.session?.token, pending: state.chat.pending)
            let effects = update(&state, message)
            // Before anything slower: what the user pressed Enter on is on disk before the screen is drawn.
            keepOutbox(since: before)
            keepCache(after: message)
            render(state)
            for effect in effects {
                switch effect {
                case let .control(service, action): perform(action, on: service)
                case .account, .messaging, .attachment, .media: requests?.send(effect)
                case let .loadOutbox(user): loadOutbox(of: user)
                case let .loadCache(user): loadCache(of: user)
                case .quit:
                    if let problem = cacheWriter?.flush() { state.notice = problem }
                    finish()
                    sink.markHandled()
                    return
                }
            }
            sink.markHandled()
        }
    }

    // MARK: - The outbox on disk

    /// Tells the outbox on disk what changed in the pending messages: each new one is added, each one gone
    /// within the same session (confirmed, or refused for good) is removed. A sign-in empties the list before
    /// the outbox is read back; that is no delivery, so nothing is removed across it.
    private func keepOutbox(since before: (token: String?, pending: [PendingMessage])) {
        guard let outbox, let session = state.chat.session, state.chat.pending != before.pending else { return }
        let user = session.user
        let earlier = Set(before.pending.map(\.id))
        let now = Set(state.chat.pending.map(\.id))
        do {
            for message in state.chat.pending where !earlier.contains(message.id) {
                try outbox.add(message, user: user)
            }
            let gone = before.pending.map(\.id).filter { !now.contains($0) }
            if session.token == before.token, !gone.isEmpty { try outbox.remove(gone, user: user) }
        } catch {
            sink.yield(.outboxFailed("cannot keep unsent messages on disk: \(error)"))
        }
    }

    private func loadOutbox(of user: String) {
        guard let outbox else { return }
        do {
            sink.yield(.outboxLoaded(user: user, messages: try outbox.items(of: user)))
        } catch {
            sink.yield(.outboxFailed("cannot read the unsent messages of last time: \(error)"))
        }
    }

    // MARK: - The rooms kept for next time

    /// Hands the chat state to the cache's writer, which writes it off the loop now and then: a copy of a
    /// copy-on-write value. Typed characters change only the input line, so they hand nothing over.
    private func keepCache(after message: AppMsg) {
        guard let cacheWriter, let user = state.chat.session?.user else { return }
        switch message {
        case .input(.key(.character)), .input(.paste): return
        default: cacheWriter.offer(state.chat, user: user)
        }
    }

    private func loadCache(of user: String) {
        guard let cache else { return }
        do {
            sink.yield(.cacheLoaded(user: user, view: try cache.view(of: user)))
        } catch {
            sink.yield(.problem("cannot read your rooms of last time: \(error)"))
        }
    }

    private func perform(_ action: ServiceAction, on name: String) {
        guard let service = controls[name] else { return }
        let sink = sink
        // Off the loop: a stop may take a while, and the UI must stay usable meanwhile.
        Task {
            switch action {
            case .start: await service.start()
            case .stop: await service.stop()
            case .restart: await service.restart()
            }
            sink.yield(.serviceActionFinished(service: name, action: action, state: service.status.state))
        }
    }

    private func finish() {
        for task in background { task.cancel() }
        requests?.finish()
        sink.finish()
    }
}
