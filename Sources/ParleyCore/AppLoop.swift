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
    private var background: [Task<Void, Never>] = []

    /// - Parameters:
    ///   - services: the app instance's services, in the order the panel lists them.
    ///   - clients: the services' contracts, for the chat; nil runs the service panel alone.
    ///   - tickInterval: how often time passes for `update` (heartbeats).
    ///   - outbox: where unsent messages are kept between runs; nil keeps them in memory only.
    ///   - render: called with every new state, from the loop's task.
    public init(
        width: Int, height: Int, services: [any ServiceControl], clients: AppClients? = nil,
        outbox: (any OutboxStore)? = nil,
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
        if requests != nil {
            for effect in startUp(&state) { requests?.send(effect) }
        }
        for await message in sink.messages {
            let before = (token: state.chat.session?.token, pending: state.chat.pending)
            let effects = update(&state, message)
            render(state)
            keepOutbox(since: before)
            for effect in effects {
                switch effect {
                case let .control(service, action): perform(action, on: service)
                case .account, .messaging, .attachment, .media: requests?.send(effect)
                case let .loadOutbox(user): loadOutbox(of: user)
                case .quit:
                    finish()
                    sink.markHandled()
                    return
                }
            }
            sink.markHandled()
        }
    }

    // MARK: - The outbox on disk

    /// Writes the pending messages to the outbox whenever they change within one session, so that none is
    /// lost if the app quits before messaging takes it. Not across a sign-in, which empties the list before
    /// the outbox on disk is read back. A file of a few messages: written in place.
    private func keepOutbox(since before: (token: String?, pending: [PendingMessage])) {
        guard let outbox, let session = state.chat.session, session.token == before.token,
            state.chat.pending != before.pending
        else { return }
        let user = session.user
        do {
            try outbox.save(state.chat.pending, user: user)
        } catch {
            sink.yield(.outboxFailed("cannot keep unsent messages on disk: \(error)"))
        }
    }

    private func loadOutbox(of user: String) {
        guard let outbox else { return }
        do {
            sink.yield(.outboxLoaded(user: user, messages: try outbox.load(user: user)))
        } catch {
            sink.yield(.outboxFailed("cannot read the unsent messages of last time: \(error)"))
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
