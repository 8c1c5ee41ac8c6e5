import ParleyContracts
import ParleyCore

/// The left column: the user's rooms, numbered for Alt-1..9, unread counts in bold, the current one reversed,
/// and beside the unread count, the messages naming the user (`@2`), reversed so they stand out without colour.
struct RoomListView {
    var rooms: [Room]
    var current: RoomID?
    var highlights: [RoomID: Int] = [:]

    func render(into grid: inout CellGrid, x: Int, y: Int, width: Int, height: Int) {
        for (index, room) in rooms.prefix(height).enumerated() {
            let isCurrent = room.id == current
            let attributes: CellAttributes = isCurrent ? .reverse : (room.unreadCount > 0 ? .bold : [])
            if isCurrent {
                grid.fill(x: x, y: y + index, width: width - 1, height: 1, with: Cell(attributes: .reverse))
            }
            let number = index < 9 ? "\(index + 1) " : "  "
            let unread = room.unreadCount > 0 ? " (\(room.unreadCount))" : ""
            let highlight = highlights[room.id].map { $0 > 0 ? "@\($0)" : "" } ?? ""
            let nameRoom = width - 1 - number.count - unread.count - (highlight.isEmpty ? 0 : highlight.count + 1)
            // A lock: the room is end-to-end encrypted, which Parley can neither read nor send into yet.
            var name = room.isEncrypted ? "🔒" + room.name : room.name
            if TerminalText.width(name) > nameRoom { name = String(name.prefix(max(1, nameRoom - 1))) + "…" }
            let end = grid.write(number + name + unread, x: x, y: y + index, limit: width - 1, attributes: attributes)
            if !highlight.isEmpty {
                grid.write(
                    highlight, x: end + 1, y: y + index, limit: x + width - 1 - (end + 1), foreground: .indexed(3),
                    attributes: [.bold, .reverse])
            }
        }
        for row in y..<(y + height) { grid.write("│", x: x + width - 1, y: row, attributes: .dim) }
    }
}
