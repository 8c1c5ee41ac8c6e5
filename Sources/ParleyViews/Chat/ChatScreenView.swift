import Foundation
import ParleyContracts
import ParleyCore

/// The whole screen: title bar, room list, timeline (or the debug panel over it), notice line, input line.
public struct ChatScreenView {
    public var state: AppState
    public var showTimestamps: Bool
    public var timeZone: TimeZone
    /// Messages laid out in earlier frames, so that each frame lays out only what is new.
    public var layoutCache: TimelineLayoutCache?
    /// The last frame, so that a key which changed only the input line redraws only that row.
    public var frameCache: ScreenFrameCache?

    /// The locale day lines are written in.
    public var locale: Locale
    /// What counts as today for day lines: the front end's clock, a fixed date in tests; nil draws no day
    /// lines.
    public var now: Date?
    /// False when the user asked for no colours (`NO_COLOR`): attributes stay, colours go.
    public var showsColors: Bool

    public init(
        state: AppState, showTimestamps: Bool = true, timeZone: TimeZone = .current,
        locale: Locale = .autoupdatingCurrent, now: Date? = nil, showsColors: Bool = true,
        layoutCache: TimelineLayoutCache? = .shared, frameCache: ScreenFrameCache? = .shared
    ) {
        self.state = state
        self.showTimestamps = showTimestamps
        self.timeZone = timeZone
        self.locale = locale
        self.now = now
        self.showsColors = showsColors
        self.layoutCache = layoutCache
        self.frameCache = frameCache
    }

    /// The screen before any service has started: the welcome screen, which needs none of them. The terminal
    /// draws it first, while the services open their stores, so the first frame waits for none of that.
    /// With a kept session, it is that user's last screen (`OpeningScreen`) instead, as the loop goes on to
    /// show it until the services answer.
    public static func beforeServices(
        width: Int, height: Int, opening: OpeningScreen? = nil, showTimestamps: Bool = true, showsColors: Bool = true,
        timeZone: TimeZone? = nil
    ) -> ChatScreenView {
        ChatScreenView(
            state: AppState(width: width, height: height, opening: opening), showTimestamps: showTimestamps,
            timeZone: timeZone ?? LocalTimeZone.fromCLibrary(), showsColors: showsColors, layoutCache: nil)
    }

    public func render() -> CellGrid {
        guard let frameCache else { return renderWhole() }
        let key = frameKey
        if let grid = frameCache.reuse(for: key, redraw: redrawInput) { return grid }
        let grid = renderWhole()
        frameCache.keep(grid, for: key)
        return grid
    }

    /// What the screen shows apart from the input line.
    private var frameKey: ScreenFrameCache.Key {
        var rest = state
        rest.input = InputLine()
        return ScreenFrameCache.Key(
            state: rest, showTimestamps: showTimestamps, timeZone: timeZone, locale: locale,
            day: now.map { DayLines.dayNumber(of: $0, in: timeZone) }, showsColors: showsColors,
            numbersReactionTargets: state.isChoosingReactionTarget)
    }

    /// Draws the input row afresh over the last frame, whose other rows are this state's too.
    private func redrawInput(_ grid: inout CellGrid) {
        guard state.width >= 30, state.height >= 6 else { return }
        let y = state.height - 1
        grid.fill(x: 0, y: y, width: state.width, height: 1)
        renderInput(into: &grid, y: y)
        if !showsColors { grid.removeColors() }
    }

    private func renderWhole() -> CellGrid {
        var grid = CellGrid(width: state.width, height: state.height)
        guard state.width >= 30, state.height >= 6 else {
            grid.write("Parley needs at least 30x6", x: 0, y: 0)
            return grid
        }
        renderTitle(into: &grid)
        let bodyHeight = state.height - 1 - ChatLayout.footerHeight
        if state.isDebugPanelOpen {
            let trace = state.selectedServiceName.flatMap { state.traces[$0] } ?? []
            let camera = state.services.contains { $0.service == .camera } ? CameraPanelLine(state.camera) : nil
            DebugPanelView(statuses: state.services, selected: state.selectedService, trace: trace, camera: camera)
                .render(into: &grid, x: 0, y: 1, width: state.width, height: bodyHeight)
        } else {
            RoomListView(rooms: state.chat.rooms, current: state.chat.currentRoom, highlights: state.chat.highlights)
                .render(into: &grid, x: 0, y: 1, width: ChatLayout.roomListWidth, height: bodyHeight)
            renderTimeline(into: &grid, x: ChatLayout.roomListWidth, y: 1, height: bodyHeight)
        }
        renderNotice(into: &grid, y: state.height - 2)
        renderInput(into: &grid, y: state.height - 1)
        if !showsColors { grid.removeColors() }
        return grid
    }

    private func renderTitle(into grid: inout CellGrid) {
        grid.fill(x: 0, y: 0, width: state.width, height: 1, with: Cell(attributes: .reverse))
        var title = " Parley"
        if let room = state.chat.currentRoomSummary { title += " · \(room.name)" }
        if let session = state.chat.shownSession { title += " · \(session.displayName) (\(session.user))" }
        grid.write(title, x: 0, y: 0, attributes: [.reverse, .bold])
        // Services that are not running, named on the right, so a degraded mode never goes unnoticed.
        let unreachable = state.services.contains { $0.isBackendUnreachable } ? ["server unreachable"] : []
        let down = unreachable + state.services.filter { !$0.state.isUp }.map { "\($0.name) \($0.state.rawValue)" }
        let right = (down.isEmpty ? "" : down.joined(separator: " · ") + " · ") + "F12 services "
        let column = max(TerminalText.width(title) + 2, state.width - TerminalText.width(right))
        grid.write(right, x: column, y: 0, foreground: down.isEmpty ? .default : .indexed(1), attributes: .reverse)
    }

    private func renderTimeline(into grid: inout CellGrid, x: Int, y: Int, height: Int) {
        let width = state.width - x
        // An overlay (a preview, search results, `/help`) shows whether or not anyone is signed in yet.
        if let overlay = state.camera.overlay ?? state.chat.video?.overlay ?? state.chat.overlay {
            OverlayView(overlay: overlay).render(into: &grid, x: x + 1, y: y, width: width - 1, height: height)
            return
        }
        guard let session = state.chat.shownSession else {
            WelcomeView().render(into: &grid, x: x + 1, y: y, width: width - 1, height: height)
            return
        }
        guard let room = state.chat.currentRoom else {
            grid.write("You are in no room. /join #general to start.", x: x + 1, y: y, attributes: .dim)
            return
        }
        let layout = TimelineLines(
            width: width - 1, showTimestamps: showTimestamps, timeZone: timeZone,
            days: now.map { DayLines(timeZone: timeZone, locale: locale, now: $0) },
            mentions: MentionMatcher(user: session.user, displayName: session.displayName),
            reactionNumbers: state.isChoosingReactionTarget ? reactionNumbers(in: room) : [:],
            receipts: ReceiptMarks(
                me: session.user, receipts: state.chat.othersReceipts(in: room),
                memberCount: state.chat.currentRoomSummary?.memberCount ?? 0,
                messages: state.chat.timelines[room] ?? []),
            cache: layoutCache)
        let chat = state.chat
        let messages = chat.timelines[room] ?? []
        let pending = chat.pending.filter { $0.room == room }
        if let fromTop = chat.scrollFromTop {
            // Read from the room's first message down: lines laid out from the top, as far as the screen's foot.
            let lines = layout.oldestLines(
                fromTop + height + 1, messages: messages, pending: pending, me: session.user,
                number: { chat.number(of: $0) })
            let skipped = min(fromTop, max(0, lines.count - height))
            let visible = lines.dropFirst(skipped).prefix(height)
            write(visible, into: &grid, x: x + 1, y: y)
            if lines.count > skipped + height || chat.windows[room]?.hasNewer == true {
                let marker = " ↓ more · Alt-End newest "
                grid.write(marker, x: state.width - TerminalText.width(marker), y: y + height - 1, attributes: .reverse)
            }
            return
        }
        // Only the lines up to the top of the screen, scrolled back as far as it is, are laid out.
        let lines = layout.newestLines(
            height + chat.scrollBack, messages: messages, pending: pending, me: session.user,
            number: { chat.number(of: $0) })
        let scrollBack = min(chat.scrollBack, max(0, lines.count - height))
        let visible = lines.dropLast(scrollBack).suffix(height)
        // The newest line sits just above the notice line, as in every chat client.
        write(visible, into: &grid, x: x + 1, y: y + height - visible.count)
        if scrollBack > 0 {
            let marker = " ↓ \(scrollBack) more "
            grid.write(marker, x: state.width - TerminalText.width(marker), y: y + height - 1, attributes: .reverse)
        }
    }

    /// `/react N`'s numbers for the room's recent messages: 1 is the newest.
    private func reactionNumbers(in room: RoomID) -> [MessageID: Int] {
        Dictionary(
            state.chat.recentMessages(in: room).enumerated().map { ($1.id, $0 + 1) }, uniquingKeysWith: min)
    }

    private func write(_ lines: some Collection<StyledLine>, into grid: inout CellGrid, x: Int, y: Int) {
        var row = y
        for line in lines {
            var column = x
            for segment in line.segments {
                column = grid.write(
                    segment.text, x: column, y: row, foreground: segment.foreground, attributes: segment.attributes)
            }
            row += 1
        }
    }

    private func renderNotice(into grid: inout CellGrid, y: Int) {
        let help =
            if state.isDebugPanelOpen {
                "Up/Down pick · Space off/on · r restart · s slow · f fail · c crash · 0 clear"
            } else if state.chat.roomSearch != nil {
                "Enter search this room · Esc back to your message"
            } else {
                "Enter send · /help commands · Alt-1..9 rooms · PgUp/PgDn scroll · Ctrl-R search"
            }
        // A transfer in progress takes the line, then a sound playing (unless a notice came since it started),
        // then the last notice, else key help.
        if let transfer = state.chat.transfers.values.min(by: { $0.transfer.rawValue < $1.transfer.rawValue }) {
            let barWidth = 20
            let filled = Int((transfer.fraction * Double(barWidth)).rounded(.down))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
            let verb = transfer.direction == .importing ? "attaching" : "saving"
            grid.write(
                "\(verb) \(transfer.name) \(bar) \(Int(transfer.fraction * 100))%", x: 0, y: y, foreground: .indexed(6))
            return
        }
        if let playing = state.chat.playing, state.notice == nil {
            let total = playing.playback.duration.map { " / " + $0.shortDescription } ?? ""
            grid.write(
                "▶ playing \(playing.elapsed.shortDescription)\(total) · /stop stops it", x: 0, y: y,
                foreground: .indexed(2))
            return
        }
        // Who is typing in the room being read is of the moment: it takes the line from the last notice (which
        // stays until the next one) and gives it back when they stop.
        if !state.isDebugPanelOpen, state.chat.roomSearch == nil,
            let room = state.chat.currentRoom, let typing = TypingLine.summary(state.chat.typists(in: room))
        {
            grid.write(typing, x: 0, y: y, foreground: .indexed(6), attributes: .italic)
            return
        }
        grid.write(
            state.notice ?? help, x: 0, y: y, foreground: state.notice == nil ? .default : .indexed(3),
            attributes: state.notice == nil ? .dim : [])
    }

    private func renderInput(into grid: inout CellGrid, y: Int) {
        // Ctrl-R's query takes the row while its prompt is open; the message being written waits in `input`.
        let search = state.chat.roomSearch
        let line = search?.query ?? state.input
        let roomName = search.map { search in state.chat.rooms.first { $0.id == search.room }?.name ?? "room" }
        let prompt = roomName.map { "search \(TerminalText.sanitized($0)): " } ?? "> "
        let view = InputLineView(prompt: prompt, line: line, masksPasswords: search == nil)
        let caretColumn = view.render(into: &grid, y: y, width: state.width)
        grid.cursor = state.isDebugPanelOpen ? nil : CellPosition(x: caretColumn, y: y)
    }
}
