import Foundation
import ParleyContracts
import ParleyCore
import Synchronization

/// The last whole screen drawn, so that a key which changed only the input line redraws only that row.
///
/// A typed character changes nothing but `AppState.input`; laying out the room list, the timeline and the
/// title again for it would cost a key what a whole frame costs. The frame is reused only when everything
/// else the screen reads is equal: the state apart from its input line, the view's settings, the day that
/// day lines count from, and whether `/react` numbers the timeline (which the input line decides).
public final class ScreenFrameCache: Sendable {
    struct Key: Equatable {
        var state: AppState
        var showTimestamps: Bool
        var timeZone: TimeZone
        var locale: Locale
        /// The day of the view's `now` as day lines count it (`DayLines.dayNumber`): they change only with it.
        var day: Int?
        var showsColors: Bool
        var numbersReactionTargets: Bool
    }

    private let last = Mutex<(key: Key, grid: CellGrid)?>(nil)

    /// The cache the terminal and the scenario runner share unless given their own; a frame is reused only for
    /// an equal key, so screens sharing it (several scenario sessions) never see each other's frames.
    public static let shared = ScreenFrameCache()

    public init() {}

    /// The frame for `key` with `redraw` applied, if the last frame was drawn for an equal key.
    func reuse(for key: Key, redraw: (inout CellGrid) -> Void) -> CellGrid? {
        guard var grid = last.withLock({ $0?.key == key ? $0?.grid : nil }) else { return nil }
        redraw(&grid)
        return grid
    }

    /// Keeps `grid` as the frame drawn for `key`.
    func keep(_ grid: CellGrid, for key: Key) {
        last.withLock { $0 = (key, grid) }
    }
}
