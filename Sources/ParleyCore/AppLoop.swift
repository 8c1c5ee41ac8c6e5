import Foundation
import ParleyContracts
import ServiceRuntime

/// Runs the app: feeds every message through `update`, renders the new state, and carries out the effects.
///
/// Front ends differ only in where messages come from and what `render` does with the state: the terminal
/// blits it, the scenario runner keeps the grid to read.
public actor AppLoop {
    var state: AppState
    let controls: [ServiceName: any ServiceControl]
    let sink: AppInbox
    private let render: @Sendable (AppState) -> Void
    /// Rings the user's attention (`AppEffect.alert`); the front end decides how, as the settings say.
    private let onAlert: @Sendable (Alert) -> Void
    let requests: ServiceRequestQueues?
    private let outbox: (any OutboxStore)?
    let cache: (any ClientCache)?
    let cacheWriter: ClientCacheWriter?
    private var background: [Task<Void, Never>] = []
    private let ledger = RequestLedger()
    /// Frames are drawn at most this often; what comes in between is drawn with the next frame.
    private let frameInterval: Duration
    private var lastFrame = ContinuousClock.now
    /// Messages taken from the inbox so far: the number the inbox gave the last one.
    private var taken = 0
    /// Messages handled but not yet drawn: they count as handled once a frame shows them.
    private var pendingHandled = 0
    /// The wake-up for a frame held back to keep the frame rate, while one is armed.
    private var frameAlarm = LoopAlarm()
    /// How often time passes for `update` while something waits on the clock (`nextTick`).
    let tickInterval: Duration
    /// The next `.tick`, armed for what is due next; none while nothing waits on the clock.
    var tickAlarm = LoopAlarm()
    /// Fresh service snapshots each second, only while the debug panel is open.
    var panelRefresh: Task<Void, Never>?
    /// The chat has changed since the cached view was last handed to its writer.
    var cacheIsStale = false
    /// When the cached view was last handed to its writer; it is handed over at most once a `cacheInterval`.
    var lastCacheOffer: ContinuousClock.Instant?
    var cacheAlarm = LoopAlarm()

    /// - Parameters:
    ///   - services: the app instance's services, in the order the panel lists them.
    ///   - clients: the services' contracts, for the chat; nil runs the service panel alone.
    ///   - tickInterval: how often time passes for `update` while held read markers or the outbox wait on the
    ///     clock; otherwise it passes only when a heartbeat is due (see `nextTick`).
    ///   - outbox: where unsent messages are kept between runs; nil keeps them in memory only.
    ///   - cache: where the rooms are kept for when messaging cannot answer at the next sign-in; nil keeps none.
    ///   - openingScreens: where the user's last screen is kept for the next start's first frame; nil keeps none.
    ///   - opening: the last screen of the kept session's user, shown until the services answer.
    ///   - frameInterval: the shortest time between two frames (16 ms: 60 frames a second).
    ///   - sendsTypingNotices: whether others are told when the user is typing.
    ///   - sendsReceipts: whether others see how far the user has read.
    ///   - onAlert: called from the loop's task for each alert; it must hand off, not wait.
    ///   - render: called with the state whenever a frame is drawn, from the loop's task.
    public init(
        width: Int, height: Int, services: [any ServiceControl], clients: AppClients? = nil,
        outbox: (any OutboxStore)? = nil, cache: (any ClientCache)? = nil,
        openingScreens: (any OpeningScreenStore)? = nil, opening: OpeningScreen? = nil,
        clientID: String = String(UInt64.random(in: 0...UInt64.max), radix: 36), tickInterval: Duration = .seconds(5),
        palette: Palette = .colors256, frameInterval: Duration = .milliseconds(16),
        sendsTypingNotices: Bool = true, sendsReceipts: Bool = true,
        onAlert: @escaping @Sendable (Alert) -> Void = { _ in },
        render: @escaping @Sendable (AppState) -> Void
    ) {
        self.onAlert = onAlert
        self.outbox = outbox
        self.frameInterval = frameInterval
        self.tickInterval = tickInterval
        state = AppState(width: width, height: height, services: services.map(\.status), clientID: clientID)
        state.palette = palette
        state.sendsTypingNotices = sendsTypingNotices
        state.sendsReceipts = sendsReceipts
        state.isDebugPanelOpen = clients == nil
        if let opening, clients != nil { state.chat.open(on: opening) }
        controls = Dictionary(uniqueKeysWithValues: services.map { ($0.service, $0) })
        sink = AppInbox()
        self.render = render
        let sink = sink
        self.cache = cache
        cacheWriter = cache.map { ClientCacheWriter(cache: $0, screens: openingScreens) { sink.yield(.problem($0)) } }
        requests = clients.map { ServiceRequestQueues(clients: $0, replies: sink) }
        for service in services {
            let updates = service.statusUpdates()
            background.append(
                Task {
                    for await status in updates {
                        sink.yield(.serviceStatus(status))
                        // The trace changes with the status; sent alongside, it keeps the panel's list current.
                        sink.yield(.serviceTrace(service: status.service, entries: service.recentTrace))
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
            background.append(
                Task {
                    await FrameGate.forward(mediaEvents, to: sink, isFrame: \.isVideoFrame, as: AppMsg.mediaEvent)
                })
            if let camera = clients.camera {
                let events = camera.events()
                background.append(
                    Task { await FrameGate.forward(events, to: sink, isFrame: \.isFrame, as: AppMsg.cameraEvent) })
            }
        }
    }

    /// Queues a message; safe from any thread (the terminal's input thread, a test).
    public nonisolated func send(_ message: AppMsg) { sink.yield(message) }

    /// How many messages have been queued so far, from every source; with `hasHandled`, lets a caller wait
    /// until the loop has caught up with what it sent.
    public nonisolated var queuedCount: Int { sink.acceptedCount }

    /// Whether the loop has handled the first `count` messages queued (and drawn the result).
    public nonisolated func hasHandled(_ count: Int) -> Bool { sink.hasHandled(count) }

    /// The service requests still unanswered that the inputs queued as numbers `inputs` set off (directly, or
    /// through the replies to what they asked), as `service.kind`, e.g. `account.login`. Empty once everything
    /// those keys caused has been answered, has failed, or waits in the outbox.
    public nonisolated func outstanding(causedBy inputs: ClosedRange<Int>) -> [String] {
        ledger.outstanding(causedBy: inputs)
    }

    /// The current state, for tests and the scenario runner.
    public var current: AppState { state }

    /// Handles messages until an effect asks to quit. Everything waiting is handled message by message, then
    /// drawn once; frames come at most `frameInterval` apart, so a flood of events costs updates, not frames.
    public func run() async {
        render(state)
        if requests != nil {
            // A session kept from last time is resumed before any key: caused by nobody, waited for by none.
            for effect in startUp(&state) {
                if let (channel, kind) = Self.requestChannel(of: effect) {
                    ledger.opened(channel, kind: kind, cause: 0)
                }
                requests?.send(effect)
            }
        }
        lastFrame = .now
        scheduleTimers()
        while let batch = await sink.take() {
            for message in batch {
                // The loop takes every message in the order it went in, so its count is the message's number.
                taken += 1
                pendingHandled += 1
                if handle(message, number: taken) {
                    render(state)
                    sink.markHandled(pendingHandled)
                    return
                }
            }
            drawIfDue()
            scheduleTimers()
        }
    }

    /// Updates the state with one message and starts its effects; true if it asked to quit.
    private func handle(_ message: AppMsg, number: Int) -> Bool {
        let channel = Self.answerChannel(of: message)
        let cause: Int =
            switch message {
            case .input: number
            default: channel.map { ledger.answering($0) } ?? 0
            }
        defer { if let channel { ledger.closed(channel) } }
        // The alarm that sent this tick has gone off; the next one is armed for whatever is due after it.
        if case .tick = message { tickAlarm.cancel() }
        let before = (token: state.chat.session?.token, pending: state.chat.pending)
        let wasMessagingDown = isMessagingDown(in: state)
        let effects = update(&state, stillWaiting(message))
        // Before anything slower: what the user pressed Enter on is on disk before the screen is drawn.
        keepOutbox(since: before)
        keepCache(after: message)
        checkOutbox(after: message, wasMessagingDown: wasMessagingDown)
        for effect in effects {
            if let (channel, kind) = Self.requestChannel(of: effect) {
                ledger.opened(channel, kind: kind, cause: cause)
            }
            switch effect {
            case let .control(service, action): perform(action, on: service)
            case let .injectFaults(service, faults): controls[service]?.inject(faults)
            case let .crash(service): controls[service]?.crash()
            case .account, .messaging, .attachment, .media, .camera: requests?.send(effect)
            case let .loadOutbox(user): loadOutbox(of: user)
            case let .loadCache(user): loadCache(of: user)
            case let .alert(alert): onAlert(alert)
            case .quit:
                offerCache()
                if let problem = cacheWriter?.flush() { state.notice = problem }
                finish()
                return true
            }
        }
        return false
    }

    /// Draws the state if a frame is due; otherwise has the inbox wake the loop when it is, so the last
    /// change of a burst is never left undrawn.
    private func drawIfDue() {
        guard pendingHandled > 0 || frameAlarm.due != nil else { return }
        let now = ContinuousClock.now
        let due = lastFrame + frameInterval
        if now >= due {
            render(state)
            lastFrame = now
            frameAlarm.cancel()
            sink.markHandled(pendingHandled)
            pendingHandled = 0
        } else {
            let sink = sink
            frameAlarm.arm(at: due) { sink.wake() }
        }
    }

    /// Where the answer `message` carries came back from, if it is one.
    private static func answerChannel(of message: AppMsg) -> RequestLedger.Channel? {
        switch message {
        case .accountReplied: .account
        case .messagingReplied: .messaging
        case .attachmentReplied: .attachment
        case .mediaReplied: .media
        case .cameraReplied: .camera
        case let .serviceActionFinished(service, _, _): .control(service: service)
        default: nil
        }
    }

    /// Where `effect`'s answer will come back, and what kind of request it is.
    private static func requestChannel(of effect: AppEffect) -> (RequestLedger.Channel, String)? {
        switch effect {
        case let .account(request): (.account, request.kind)
        case let .messaging(request): (.messaging, request.kind)
        case let .attachment(request): (.attachment, request.kind)
        case let .media(request): (.media, request.kind)
        case let .camera(request): (.camera, request.kind)
        case let .control(service, action): (.control(service: service), action.rawValue)
        case .loadOutbox, .loadCache, .injectFaults, .crash, .alert, .quit: nil
        }
    }

    // MARK: - The outbox on disk

    /// Tells the outbox on disk what changed in the pending messages: each new one is added, each one that
    /// changed what it carries (a queued file taken in) is replaced in its place, each one gone within the same
    /// session (confirmed, or refused for good) is removed. A sign-in empties the list before the outbox is
    /// read back; that is no delivery, so nothing is removed across it.
    private func keepOutbox(since before: (token: String?, pending: [PendingMessage])) {
        guard let outbox, let session = state.chat.session, state.chat.pending != before.pending else { return }
        let user = session.user
        let earlier = Dictionary(before.pending.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let now = Set(state.chat.pending.map(\.id))
        do {
            for message in state.chat.pending {
                guard let was = earlier[message.id] else {
                    try outbox.add(message, user: user)
                    continue
                }
                // Whether it waits or is on its way is no content: read back, everything waits.
                if !was.carriesTheSame(as: message), session.token == before.token {
                    try outbox.replace(message, user: user)
                }
            }
            let gone = before.pending.map(\.id).filter { !now.contains($0) }
            if session.token == before.token, !gone.isEmpty { try outbox.remove(gone, user: user) }
        } catch {
            sink.yield(.outboxFailed("cannot keep unsent messages on disk: \(error)"))
        }
    }

    /// Reads the outbox again now and then (each tick), and when messaging comes back: another instance of
    /// the user that has ended (killed, say) may have left messages in it, which this one then sends.
    private func checkOutbox(after message: AppMsg, wasMessagingDown: Bool) {
        guard let user = state.chat.session?.user, !state.isQuitting else { return }
        switch message {
        case .tick: loadOutbox(of: user)
        case .serviceStatus where wasMessagingDown && !isMessagingDown(in: state): loadOutbox(of: user)
        default: break
        }
    }

    /// The outbox as read, less what has left it since (confirmed or refused after the read, before this
    /// message's turn came), which must not go again.
    private func stillWaiting(_ message: AppMsg) -> AppMsg {
        guard case let .outboxLoaded(user, messages) = message, let outbox, !messages.isEmpty else { return message }
        guard let now = try? Set(outbox.items(of: user).map(\.id)) else { return message }
        return .outboxLoaded(user: user, messages: messages.filter { now.contains($0.id) })
    }

    private func loadOutbox(of user: String) {
        guard let outbox else { return }
        do {
            let messages = try outbox.items(of: user)
            let known = Set(state.chat.pending.map(\.id))
            // Most checks find only what this instance already holds: nothing to hand the loop.
            guard messages.contains(where: { !known.contains($0.id) }) else { return }
            sink.yield(.outboxLoaded(user: user, messages: messages))
        } catch {
            sink.yield(.outboxFailed("cannot read the unsent messages of last time: \(error)"))
        }
    }

    private func perform(_ action: ServiceAction, on name: ServiceName) {
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
        tickAlarm.cancel()
        cacheAlarm.cancel()
        frameAlarm.cancel()
        panelRefresh?.cancel()
        requests?.finish()
        sink.finish()
    }
}
