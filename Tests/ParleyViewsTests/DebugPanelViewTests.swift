import ParleyContracts
import ParleyTestKit
import ParleyViews
import ServiceRuntime
import Testing

struct DebugPanelViewTests {
    static let statuses = [
        ServiceStatus(
            name: "account", state: .running, mailboxDepth: 2, mailboxHighWater: 9, inFlight: 3,
            recent: OutcomeCounts(ok: 120, error: 2, timeout: 1, rejected: 0),
            latencyP50: .microseconds(35), latencyP99: .milliseconds(2), uptime: .seconds(754)),
        ServiceStatus(
            name: "messaging", state: .restarting, recent: OutcomeCounts(ok: 4, rejected: 7), restarts: 2,
            lastError: "messaging crashed handling send: disk I/O error\u{1B}[2J",
            faults: FaultInjection(failureRate: 0.25)),
        ServiceStatus(name: "attachment", state: .stopped),
        ServiceStatus(
            name: "media", state: .failed, restarts: 3, lastError: "media could not start: no decoder",
            faults: FaultInjection(latency: .milliseconds(300))),
    ]

    @Test func showsEveryServiceWithItsFigures() {
        var grid = CellGrid(width: 100, height: 14)
        DebugPanelView(statuses: Self.statuses, selected: 1).render(into: &grid)
        expectSnapshot(grid.text, named: "debug-panel")
    }

    @Test func theSelectedRowIsReversedAndStatesAreColoured() {
        var grid = CellGrid(width: 100, height: 6)
        DebugPanelView(statuses: Self.statuses, selected: 3).render(into: &grid)
        #expect(grid[0, 4].attributes.contains(.reverse))
        #expect(!grid[0, 1].attributes.contains(.reverse))
        #expect(grid[11, 1].foreground == .indexed(2))  // running is green
        #expect(grid[11, 4].foreground == .indexed(1))  // failed is red
    }

    @Test func aNarrowScreenClipsInsteadOfWrapping() {
        var grid = CellGrid(width: 30, height: 3)
        DebugPanelView(statuses: Self.statuses, selected: 0).render(into: &grid)
        #expect(grid.lines[1].hasPrefix("account    running    2/1024"))
        #expect(grid.lines.allSatisfy { $0.count == 30 })
    }
}
