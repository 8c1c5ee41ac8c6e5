import ServiceRuntime

/// Everything the app shows, as a value: views render it, `update` changes it, nothing else does.
public struct AppState: Equatable, Sendable {
    public var width: Int
    public var height: Int
    /// One entry per hosted service, in the order the wiring lists them.
    public var services: [ServiceStatus]
    public var selectedService = 0
    /// One line at the foot of the screen: the outcome of the last action, or a refusal saying why.
    public var notice: String?
    public var isQuitting = false

    public init(width: Int, height: Int, services: [ServiceStatus]) {
        self.width = width
        self.height = height
        self.services = services
    }

    /// The selected service's name, if any service is listed.
    public var selectedServiceName: String? {
        services.indices.contains(selectedService) ? services[selectedService].name : nil
    }
}

/// What an operator can do to a service.
public enum ServiceAction: String, Sendable, Equatable, CaseIterable {
    case start, stop, restart
}
