import ParleyContracts
import ServiceRuntime

/// The debug panel: one row per service with its live status, the selected one highlighted; below, what
/// stands behind each service (`BackendTable`), then the selected one's last error and recent trace. Up/Down pick a service, Space toggles it, `r` restarts it, `s`/`f`/`c` make it
/// slow, failing or crash, `0` clears the fault.
public struct DebugPanelView {
    public var statuses: [ServiceStatus]
    public var selected: Int
    public var trace: [TraceEntry]
    /// The viewfinder's device, format, size and frame rates, when the camera is hosted.
    public var camera: CameraPanelLine?

    public init(statuses: [ServiceStatus], selected: Int, trace: [TraceEntry] = [], camera: CameraPanelLine? = nil) {
        self.statuses = statuses
        self.selected = selected
        self.trace = trace
        self.camera = camera
    }

    /// Column titles and widths; the last column takes what is left.
    static let columns: [(title: String, width: Int)] = [
        ("service", 11), ("state", 11), ("mailbox", 15), ("busy", 5), ("ok/err/to/rej 10s", 18),
        ("p50", 7), ("p99", 7), ("rst", 4), ("up", 5),
    ]

    public func render(into grid: inout CellGrid, x: Int = 0, y: Int = 0, width: Int? = nil, height: Int? = nil) {
        let width = width ?? grid.width - x
        let height = height ?? grid.height - y
        guard width > 0, height > 0 else { return }
        grid.fill(x: x, y: y, width: width, height: height)
        var column = x
        for (title, columnWidth) in Self.columns {
            grid.write(title, x: column, y: y, limit: min(columnWidth, x + width - column), attributes: [.bold])
            column += columnWidth
        }
        for (index, status) in statuses.enumerated() where y + 1 + index < y + height {
            renderRow(status, selected: index == selected, into: &grid, x: x, y: y + 1 + index, width: width)
        }
        var line = y + 2 + statuses.count
        let backends = BackendTable(statuses: statuses)
        if line < y + height {
            backends.render(into: &grid, x: x, y: line, width: width, height: y + height - line)
            line = min(line + backends.height + 1, y + height)
        }
        if let camera, line < y + height {
            grid.write(camera.text, x: x, y: line, limit: width)
            line += 1
        }
        if statuses.indices.contains(selected), let error = statuses[selected].lastError, line < y + height {
            grid.write("last error: \(error)", x: x, y: line, limit: width, foreground: .indexed(1))
            line += 1
        }
        // The table's column clips it: the selected service's is given whole.
        if statuses.indices.contains(selected), let error = statuses[selected].backend.homeserver?.lastError,
            line < y + height
        {
            grid.write("last server error: \(error)", x: x, y: line, limit: width, foreground: .indexed(1))
            line += 1
        }
        for entry in trace.suffix(max(0, y + height - line)) {
            let text =
                "\(entry.caller) → \(entry.service) \(entry.kind) \(entry.outcome.rawValue) "
                + entry.latency.shortDescription
            grid.write(text, x: x, y: line, limit: width, attributes: [.dim])
            line += 1
        }
    }

    private func renderRow(
        _ status: ServiceStatus, selected: Bool, into grid: inout CellGrid, x: Int, y: Int, width: Int
    ) {
        let fields = [
            status.name, status.state.rawValue, ServiceStatusFormat.mailbox(status), "\(status.inFlight)",
            ServiceStatusFormat.counts(status.recent), ServiceStatusFormat.latency(status.latencyP50),
            ServiceStatusFormat.latency(status.latencyP99), "\(status.restarts)",
            ServiceStatusFormat.uptime(status.uptime),
        ]
        let attributes: CellAttributes = selected ? [.reverse] : []
        if selected { grid.fill(x: x, y: y, width: width, height: 1, with: Cell(attributes: .reverse)) }
        var column = x
        for (field, (_, columnWidth)) in zip(fields, Self.columns) where column < x + width {
            let foreground = field == status.state.rawValue ? Self.color(of: status.state) : .default
            grid.write(
                field, x: column, y: y, limit: min(columnWidth - 1, x + width - column), foreground: foreground,
                attributes: attributes)
            column += columnWidth
        }
        let faults = ServiceStatusFormat.faults(status.faults)
        if !faults.isEmpty, column < x + width {
            grid.write(
                faults, x: column, y: y, limit: x + width - column, foreground: .indexed(3), attributes: attributes)
        }
    }

    static func color(of state: ServiceState) -> TerminalColor {
        switch state {
        case .running: .indexed(2)
        case .starting, .restarting, .stopping: .indexed(3)
        case .stopped: .default
        case .crashed, .failed: .indexed(1)
        }
    }
}
