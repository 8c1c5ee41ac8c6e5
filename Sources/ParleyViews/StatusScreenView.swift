import ParleyContracts
import ParleyCore

/// The whole screen while Parley shows its services: a title, the service panel, the notice and key help.
public struct StatusScreenView {
    public var state: AppState

    public init(state: AppState) { self.state = state }

    public func render() -> CellGrid {
        var grid = CellGrid(width: state.width, height: state.height)
        guard state.height >= 3 else { return grid }
        grid.fill(x: 0, y: 0, width: state.width, height: 1, with: Cell(attributes: .reverse))
        grid.write(" Parley — services", x: 0, y: 0, attributes: [.reverse, .bold])
        DebugPanelView(statuses: state.services, selected: state.selectedService)
            .render(into: &grid, x: 0, y: 2, width: state.width, height: state.height - 4)
        if let notice = state.notice {
            grid.write(notice, x: 0, y: state.height - 2)
        }
        grid.write(
            "Up/Down pick · Space stop/start · r restart · q quit", x: 0, y: state.height - 1, attributes: [.dim])
        return grid
    }
}
