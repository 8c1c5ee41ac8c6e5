import ParleyContracts
import ServiceRuntime

/// Every input to the app: a key, a resize, a service's status, the end of an action.
public enum AppMsg: Sendable, Equatable {
    case input(TerminalInput)
    case serviceStatus(ServiceStatus)
    case serviceActionFinished(service: String, action: ServiceAction, state: ServiceState)
}

/// What `update` asks the runtime to do; the runtime does the I/O and feeds results back as messages.
public enum AppEffect: Sendable, Equatable {
    case control(service: String, action: ServiceAction)
    case quit
}
