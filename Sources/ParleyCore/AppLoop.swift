import ParleyContracts
import ServiceRuntime

/// Runs the app: feeds every message through `update`, renders the new state, and carries out the effects.
///
/// Front ends differ only in where messages come from and what `render` does with the state: the terminal
/// blits it, the scenario runner keeps the grid to read.
public actor AppLoop {
    private var state: AppState
    private let controls: [String: any ServiceControl]
    private let messages: AsyncStream<AppMsg>
    private let sink: AsyncStream<AppMsg>.Continuation
    private let render: @Sendable (AppState) -> Void
    private var forwarders: [Task<Void, Never>] = []

    /// - Parameters:
    ///   - services: the app instance's services, in the order the panel lists them.
    ///   - render: called with every new state, from the loop's task.
    public init(
        width: Int, height: Int, services: [any ServiceControl], render: @escaping @Sendable (AppState) -> Void
    ) {
        state = AppState(width: width, height: height, services: services.map(\.status))
        controls = Dictionary(uniqueKeysWithValues: services.map { ($0.name, $0) })
        (messages, sink) = AsyncStream<AppMsg>.makeStream()
        self.render = render
        for service in services {
            let updates = service.statusUpdates()
            let sink = sink
            forwarders.append(
                Task {
                    for await status in updates { sink.yield(.serviceStatus(status)) }
                })
        }
    }

    /// Queues a message; safe from any thread (the terminal's input thread, a test).
    public nonisolated func send(_ message: AppMsg) { sink.yield(message) }

    /// The current state, for tests and the scenario runner.
    public var current: AppState { state }

    /// Handles messages until an effect asks to quit.
    public func run() async {
        render(state)
        for await message in messages {
            let effects = update(&state, message)
            render(state)
            for effect in effects {
                switch effect {
                case let .control(service, action): perform(action, on: service)
                case .quit:
                    finish()
                    return
                }
            }
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
        for forwarder in forwarders { forwarder.cancel() }
        sink.finish()
    }
}
