import Foundation
import ParleyContracts
import ServiceRuntime

/// Everything the app shows, as a value: views render it, `update` changes it, nothing else does.
public struct AppState: Equatable, Sendable {
    public var width: Int
    public var height: Int
    /// One entry per hosted service, in the order the wiring lists them.
    public var services: [ServiceStatus]
    public var selectedService = 0
    /// Each service's recent messages, by name, as the debug panel lists them under the table.
    public var traces: [ServiceName: [TraceEntry]] = [:]
    /// F12: the debug panel over the chat, where services are watched and toggled.
    public var isDebugPanelOpen = false
    public var input = InputLine()
    /// One line at the foot of the screen: the outcome of the last action, or a refusal saying why.
    public var notice: String?
    public var isQuitting = false
    public var chat = ChatState()
    /// The sign-in (`/login`, `/register`) being answered, if one is: commands typed meanwhile wait for it.
    var signingIn: SignIn?
    /// The viewfinder, while `/camera` has it open.
    public var camera = CameraState()
    /// The clock's time at the last tick (every few seconds): the app's idea of now.
    var lastTick: Date?
    /// Whether others are told when the user is typing (`conversations.send_typing`).
    public var sendsTypingNotices = true
    /// Whether the user's read receipts go to the room's other members (`conversations.send_receipts`).
    public var sendsReceipts = true
    /// How many colours previews may use, as the user's settings say.
    public var palette: Palette = .colors256

    /// - Parameter clientID: makes this instance's message ids unique among every process on the data directory.
    public init(width: Int, height: Int, services: [ServiceStatus], clientID: String = "local") {
        self.width = width
        self.height = height
        self.services = services
        chat.clientID = clientID
    }

    /// The selected service's name, if any service is listed.
    public var selectedServiceName: ServiceName? {
        services.indices.contains(selectedService) ? services[selectedService].service : nil
    }

    /// The state of the service named `name`, if it is hosted here.
    public func serviceState(_ name: ServiceName) -> ServiceState? {
        services.first { $0.service == name }?.state
    }
}

/// A sign-in on its way, and the commands typed meanwhile that need its session, oldest first.
struct SignIn: Equatable, Sendable {
    var waiting: [Command] = []
}

/// What an operator can do to a service.
public enum ServiceAction: String, Sendable, Equatable, CaseIterable {
    case start, stop, restart
}
