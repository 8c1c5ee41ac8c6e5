import ParleyContracts
import ServiceRuntime

/// The app's only way to change: pure, so a test can drive it message by message and check the result.
public func update(_ state: inout AppState, _ msg: AppMsg) -> [AppEffect] {
    switch msg {
    case let .input(.resize(width, height)):
        state.width = width
        state.height = height
        return []
    case let .input(.key(key)):
        return handle(key, in: &state)
    case .input(.mouse), .input(.paste):
        return []
    case let .serviceStatus(status):
        if let index = state.services.firstIndex(where: { $0.name == status.name }) {
            state.services[index] = status
        }
        return []
    case let .serviceActionFinished(service, action, serviceState):
        state.notice = "\(service): \(action.rawValue) done, now \(serviceState.rawValue)"
        return []
    }
}

/// Keys of the service panel: Up/Down pick a service, Space toggles it, `r` restarts it, `q` quits.
private func handle(_ key: Key, in state: inout AppState) -> [AppEffect] {
    switch key {
    case .up:
        state.selectedService = max(0, state.selectedService - 1)
    case .down:
        state.selectedService = min(max(0, state.services.count - 1), state.selectedService + 1)
    case .character(" "):
        guard let name = state.selectedServiceName else { return [] }
        let action: ServiceAction = state.services[state.selectedService].state.isUp ? .stop : .start
        state.notice = "\(name): \(action == .stop ? "stopping" : "starting")…"
        return [.control(service: name, action: action)]
    case .character("r"):
        guard let name = state.selectedServiceName else { return [] }
        state.notice = "\(name): restarting…"
        return [.control(service: name, action: .restart)]
    case .character("q"), .control("c"), .control("q"):
        state.isQuitting = true
        return [.quit]
    default:
        break
    }
    return []
}
