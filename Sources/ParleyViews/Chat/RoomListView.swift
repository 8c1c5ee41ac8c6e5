import ParleyContracts
import ParleyCore

/// The left column: the user's rooms, numbered for Alt-1..9, unread counts in bold, the current one reversed.
struct RoomListView {
    var rooms: [Room]
    var current: RoomID?

    func render(into grid: inout CellGrid, x: Int, y: Int, width: Int, height: Int) {
        for (index, room) in rooms.prefix(height).enumerated() {
            let isCurrent = room.id == current
            let attributes: CellAttributes = isCurrent ? .reverse : (room.unreadCount > 0 ? .bold : [])
            if isCurrent {
                grid.fill(x: x, y: y + index, width: width - 1, height: 1, with: Cell(attributes: .reverse))
            }
            let number = index < 9 ? "\(index + 1) " : "  "
            let unread = room.unreadCount > 0 ? " (\(room.unreadCount))" : ""
            let nameRoom = width - 1 - number.count - unread.count
            // A lock: the room is end-to-end encrypted, which Parley can neither read nor send into yet.
            var name = room.isEncrypted ? "🔒" + room.name : room.name
            if TerminalText.width(name) > nameRoom { name = String(name.prefix(max(1, nameRoom - 1))) + "…" }
            grid.write(number + name + unread, x: x, y: y + index, limit: width - 1, attributes: attributes)
        }
        for row in y..<(y + height) { grid.write("│", x: x + width - 1, y: row, attributes: .dim) }
    }
}
