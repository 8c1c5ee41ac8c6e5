/// One frame of a video playing in the timeline pane, drawn in cells, with where playback is.
public struct VideoFrame: Sendable, Hashable {
    public var rows: [[Cell]]
    /// The frame's time from the start of the video.
    public var position: Duration
    /// Of the whole video, when the container says.
    public var duration: Duration?

    public init(rows: [[Cell]], position: Duration, duration: Duration?) {
        self.rows = rows
        self.position = position
        self.duration = duration
    }
}
