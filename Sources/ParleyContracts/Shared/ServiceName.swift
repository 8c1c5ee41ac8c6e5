import ServiceRuntime

/// The name of one of Parley's services, as its host reports it and the debug panel, `/service` and the
/// scenario runner's `expect service` name it. The runtime knows names only as text; Parley's code passes
/// this type instead, so a misspelt service is a compile error rather than a service never found.
public struct ServiceName: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let account = ServiceName(rawValue: "account")
    public static let messaging = ServiceName(rawValue: "messaging")
    public static let attachment = ServiceName(rawValue: "attachment")
    public static let media = ServiceName(rawValue: "media")
    public static let camera = ServiceName(rawValue: "camera")

    /// Every service an app instance hosts, in the order the debug panel lists them.
    public static let all: [ServiceName] = [.account, .messaging, .attachment, .media, .camera]

    public var description: String { rawValue }

    public static func < (left: ServiceName, right: ServiceName) -> Bool { left.rawValue < right.rawValue }
}

extension ServiceStatus {
    /// The service this status is of.
    public var service: ServiceName { ServiceName(rawValue: name) }
}

extension ServiceControl {
    /// The service this control acts on.
    public var service: ServiceName { ServiceName(rawValue: name) }
}
