import ParleyContracts

/// A video playing in the timeline pane: its newest frame and where it is.
public struct VideoPlaying: Equatable, Sendable {
    public var name: String
    public var summary: VideoSummary
    public var frame: [[Cell]] = []
    public var position: Duration = .zero
    public var isPaused = false

    public init(name: String, summary: VideoSummary) {
        self.name = name
        self.summary = summary
    }

    /// The video over the timeline, its title the position line.
    public var overlay: Overlay {
        let total = summary.duration.map { " / " + $0.shortDescription } ?? ""
        let state = isPaused ? "⏸ paused" : "▶"
        let keys = isPaused ? "Space resumes" : "Space pauses"
        return Overlay(
            title: "\(name) \(state) \(position.shortDescription)\(total) · \(keys) · /stop ends", rows: frame)
    }
}
