import ParleyContracts
import ServiceRuntime

/// The app's only way to change: pure, so a test can drive it message by message and check the result.
public func update(_ state: inout AppState, _ msg: AppMsg) -> [AppEffect] {
    switch msg {
    case let .input(.resize(width, height)):
        state.width = width
        state.height = height
        return resizeViewfinder(in: &state)
    case let .input(.key(key)):
        guard !state.isDebugPanelOpen else { return handlePanel(key, in: &state) }
        let before = state.input.text
        let effects = handleChat(key, in: &state)
        return effects + announceTyping(inputBefore: before, in: &state)
    case let .input(.paste(text)):
        let before = state.input.text
        let effects = handlePaste(text, in: &state)
        return effects + announceTyping(inputBefore: before, in: &state)
    case let .input(.mouse(event)):
        return handleMouse(event, in: &state)
    case .input(.hangup):
        state.isQuitting = true
        return [.quit]
    case let .serviceStatus(status):
        if let index = state.services.firstIndex(where: { $0.name == status.name }) {
            state.services[index] = status
        }
        closeViewfinderIfDown(status, in: &state)
        // Messaging is running: whatever waits in the outbox goes now. Not only on the change from down to up:
        // a quick restart can pass between two status updates, and a refusal can come in after them.
        // The attachment service back: a file queued by `/attach` goes the same way.
        let carriesOutbox = status.service == .messaging || status.service == .attachment
        let flushed = carriesOutbox && hasQueued(in: state) ? flushOutbox(in: &state) : []
        let isMessagingBack = status.service == .messaging && status.state == .running
        return flushed + (isMessagingBack ? welcomeAgainIfDue(in: &state) : [])
    case let .serviceTrace(service, entries):
        state.traces[service] = entries
        return []
    case let .serviceActionFinished(service, action, serviceState):
        state.notice = "\(service): \(action.rawValue) done, now \(serviceState.rawValue)"
        return []
    case let .accountReplied(request, result):
        return handleAccountReply(request, result, in: &state)
    case let .messagingReplied(request, result):
        return handleMessagingReply(request, result, in: &state)
    case let .attachmentReplied(request, result):
        return handleAttachmentReply(request, result, in: &state)
    case let .mediaReplied(request, result):
        return handleMediaReply(request, result, in: &state)
    case let .attachmentEvent(event):
        handleAttachmentEvent(event, in: &state)
        return []
    case let .mediaEvent(event):
        handleMediaEvent(event, in: &state)
        return []
    case let .cameraReplied(request, result):
        return handleCameraReply(request, result, in: &state)
    case let .cameraEvent(event):
        handleCameraEvent(event, in: &state)
        return []
    case let .accountEvent(event):
        handleAccountEvent(event, in: &state)
        return []
    case let .messagingEvent(event):
        return handleMessagingEvent(event, in: &state)
    case let .tick(now):
        state.lastTick = now
        // The outbox also goes again on the clock: a message that timed out waits for no status change.
        return heartbeatIfDue(at: now, in: &state) + releaseReadMarks(in: &state) + typingTick(in: &state)
            + (hasQueued(in: state) ? flushOutbox(in: &state) : [])
    case let .outboxLoaded(user, messages):
        return handleOutboxLoaded(messages, user: user, in: &state)
    case let .cacheLoaded(user, view):
        return handleCacheLoaded(view, user: user, in: &state)
    case let .outboxFailed(problem), let .problem(problem):
        state.notice = problem
        return []
    }
}

/// Keys of the debug panel: Up/Down pick a service, Space toggles it, `r` restarts it, `s`/`f`/`c` make it slow,
/// failing or crash and `0` clears the fault, F12 or Esc close it.
private func handlePanel(_ key: Key, in state: inout AppState) -> [AppEffect] {
    if let fault = ServiceFault(key: key) {
        guard let name = state.selectedServiceName else { return [] }
        state.notice = fault.notice(for: name)
        let current = state.services[state.selectedService].faults
        return [fault.injection(adding: current).map { .injectFaults(service: name, $0) } ?? .crash(service: name)]
    }
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
    case .function(12), .escape:
        state.isDebugPanelOpen = false
    case .character("q"), .control("c"), .control("q"):
        state.isQuitting = true
        return [.quit]
    default:
        break
    }
    return []
}
