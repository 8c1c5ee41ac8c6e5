/// One message a soak sender writes: which lane (one sender, one user, one terminal after another), which of
/// the lane's app instances (segments: a new one after each kill), and its number, rising along the lane.
struct SoakMessage: Hashable, Comparable, CustomStringConvertible {
    let lane: String
    let segment: Int
    let number: Int

    /// The text typed, unique to the message: `soak-LANE-sSEGMENT-nNUMBER`.
    var text: String { "soak-\(lane)-s\(segment)-n\(number)" }

    var description: String { text }

    /// The message whose text is `text`, if the soak wrote it.
    init?(text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 4, parts[0] == "soak", parts[2].hasPrefix("s"), parts[3].hasPrefix("n"),
            let segment = Int(parts[2].dropFirst()), let number = Int(parts[3].dropFirst())
        else { return nil }
        self.init(lane: String(parts[1]), segment: segment, number: number)
    }

    init(lane: String, segment: Int, number: Int) {
        self.lane = lane
        self.segment = segment
        self.number = number
    }

    static func < (left: SoakMessage, right: SoakMessage) -> Bool {
        (left.lane, left.number) < (right.lane, right.number)
    }
}
