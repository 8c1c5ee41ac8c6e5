/// Where the chat screen puts things, shared by the views that draw it and `update`, which maps clicks.
///
/// Row 0 is the title bar; the room list is the left column from row 1; the timeline fills the rest above
/// the notice line and the input line, which are the last two rows.
public enum ChatLayout {
    public static let roomListWidth = 20
    /// Rows below the timeline: the notice line and the input line.
    public static let footerHeight = 2
}
