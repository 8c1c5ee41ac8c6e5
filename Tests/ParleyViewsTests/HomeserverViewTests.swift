import Foundation
import ParleyContracts
import ParleyCore
import ParleyTestKit
import ParleyViews
import ServiceRuntime
import Testing

/// What only a homeserver brings to the screen: locked rooms, events shown as a dimmed line, the backend's
/// line in the debug panel and `server unreachable` in the title bar.
struct HomeserverViewTests {
    @Test func anEncryptedRoomIsListedWithALockAndItsEventsAreDimmedNotices() {
        var state = ChatScreenViewTests.chatting()
        let locked = Room(
            id: RoomID("!e:server"), kind: .publicRoom, name: "#secret", memberCount: 2, unreadCount: 0,
            isEncrypted: true)
        state.chat.rooms.append(locked)
        state.chat.currentRoom = locked.id
        state.chat.timelines[locked.id] = [
            ChatMessage(
                id: MessageID("$1"), room: locked.id, sender: "bob", text: "", sentAt: Date(), sequence: 1,
                notice: "encrypted message (Parley cannot read these yet)")
        ]
        let grid = ChatScreenView(state: state, timeZone: ChatScreenViewTests.utc).render()
        #expect(grid.lines.contains { $0.contains("🔒#secret") })
        guard let row = grid.lines.firstIndex(where: { $0.contains("encrypted message (Parley cannot read") }) else {
            Issue.record("the notice is not on the screen")
            return
        }
        let column = grid.lines[row].distance(
            from: grid.lines[row].startIndex, to: grid.lines[row].range(of: "encrypted")!.lowerBound)
        #expect(grid[column, row].attributes.contains(.dim))
    }

    @Test func theTitleBarSaysWhenTheServerIsUnreachable() {
        var state = ChatScreenViewTests.chatting()
        state.services[1].state = .running
        #expect(!ChatScreenView(state: state).render().lines[0].contains("server unreachable"))
        state.services[1].isBackendUnreachable = true
        #expect(ChatScreenView(state: state).render().lines[0].contains("server unreachable"))
    }

    @Test func theDebugPanelShowsTheSelectedServicesBackendLine() {
        var status = ServiceStatus(name: "messaging", state: .running)
        status.detail = "server 127.0.0.1:8008 · p50 12ms p99 40ms · sync lag 1s"
        var grid = CellGrid(width: 100, height: 6)
        DebugPanelView(statuses: [status], selected: 0).render(into: &grid)
        #expect(grid.lines[3].hasPrefix("server 127.0.0.1:8008 · p50 12ms p99 40ms · sync lag 1s"))
    }
}
