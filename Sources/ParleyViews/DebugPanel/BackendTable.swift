import ParleyContracts
import ServiceRuntime

/// The debug panel's second table: what stands behind each service. `local` for a service on the data
/// directory; for one on a homeserver, the server's name, its request latency (p50/p99), the sync lag (time
/// since the last sync answer was stored, for the service that syncs), the 429s it was given and the last
/// server error.
struct BackendTable {
    var statuses: [ServiceStatus]

    /// Column titles and widths; the last column takes what is left.
    static let columns: [(title: String, width: Int)] = [
        ("service", 11), ("backend", 20), ("p50", 7), ("p99", 7), ("sync lag", 9), ("429s", 10),
        ("last server error", 0),
    ]

    /// The lines it takes: a title row and one per service.
    var height: Int { 1 + statuses.count }

    func render(into grid: inout CellGrid, x: Int, y: Int, width: Int, height: Int) {
        guard width > 0, height > 0 else { return }
        write(Self.columns.map(\.title), into: &grid, x: x, y: y, width: width, attributes: [.bold])
        for (index, status) in statuses.enumerated() where index + 1 < height {
            write(Self.fields(of: status), into: &grid, x: x, y: y + 1 + index, width: width, attributes: [])
        }
    }

    /// A service's row: its name and `local`, or its homeserver's figures.
    static func fields(of status: ServiceStatus) -> [String] {
        guard let server = status.backend.homeserver else { return [status.name, "local"] }
        let syncLag = server.syncs ? ServiceStatusFormat.latency(server.syncLag) : ""
        return [
            status.name, server.name, ServiceStatusFormat.latency(server.latencyP50),
            ServiceStatusFormat.latency(server.latencyP99), syncLag, ServiceStatusFormat.rateLimits(server),
            server.lastError ?? "-",
        ]
    }

    private func write(
        _ fields: [String], into grid: inout CellGrid, x: Int, y: Int, width: Int, attributes: CellAttributes
    ) {
        var column = x
        for (field, (_, columnWidth)) in zip(fields, Self.columns) where column < x + width {
            let room = x + width - column
            let limit = columnWidth > 0 ? min(columnWidth - 1, room) : room
            grid.write(field, x: column, y: y, limit: limit, attributes: attributes)
            column += columnWidth
        }
    }
}
