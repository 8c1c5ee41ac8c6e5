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

    /// Three services on a homeserver (messaging syncs, attachment was rate-limited, account has an error) and
    /// two local ones.
    static let mixedStatuses: [ServiceStatus] = {
        let server = "127.0.0.1:8008"
        var account = ServiceStatus(name: "account", state: .running)
        account.backend = .homeserver(
            HomeserverFigures(
                name: server, latencyP50: .milliseconds(12), latencyP99: .milliseconds(40),
                lastError: "The homeserver refused POST /login with M_FORBIDDEN (HTTP 403): Invalid password\u{1B}[2J"))
        var messaging = ServiceStatus(name: "messaging", state: .running)
        messaging.backend = .homeserver(
            HomeserverFigures(
                name: server, latencyP50: .milliseconds(9), latencyP99: .milliseconds(31),
                syncLag: .milliseconds(1_200), syncs: true))
        var attachment = ServiceStatus(name: "attachment", state: .running)
        attachment.backend = .homeserver(
            HomeserverFigures(
                name: server, latencyP50: .milliseconds(20), latencyP99: .milliseconds(95), rateLimitedCount: 3,
                lastRetryAfter: .milliseconds(1_500),
                lastError: "The homeserver kept rate-limiting POST /_matrix/media/v3/upload (M_LIMIT_EXCEEDED)"))
        return [
            account, messaging, attachment, ServiceStatus(name: "media", state: .running),
            ServiceStatus(name: "camera", state: .stopped),
        ]
    }()

    @Test func theDebugPanelShowsEachServicesBackendLatencySyncLagRateLimitsAndLastServerError() {
        var grid = CellGrid(width: 100, height: 16)
        DebugPanelView(statuses: Self.mixedStatuses, selected: 0).render(into: &grid)
        expectSnapshot(grid.text, named: "debug-panel-homeserver")
    }

    @Test func theWholeScreenWithThePanelOpenOnAHomeserver() {
        var state = ChatScreenViewTests.chatting()
        state.width = 100
        state.height = 24
        state.services = Self.mixedStatuses
        state.isDebugPanelOpen = true
        let grid = ChatScreenView(state: state, timeZone: ChatScreenViewTests.utc).render()
        expectSnapshot(grid.text, named: "chat-screen-debug-panel-homeserver")
    }

    @Test func aMessagingServiceThatHasNotSyncedYetShowsADash() {
        var messaging = ServiceStatus(name: "messaging", state: .starting)
        messaging.backend = .homeserver(HomeserverFigures(name: "matrix.example.org", syncs: true))
        var grid = CellGrid(width: 120, height: 6)
        DebugPanelView(statuses: [messaging], selected: 0).render(into: &grid)
        #expect(
            grid.lines[4].trimmingCharacters(in: .whitespaces)
                == "messaging  matrix.example.org  -      -      -        0         -")
    }
}
