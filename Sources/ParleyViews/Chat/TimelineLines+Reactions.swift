import ParleyContracts
import ParleyCore

/// Reactions under a message, and the numbers `/react N` takes beside recent messages.
extension TimelineLines {
    /// The reactions of `message` on a line of their own under its text: `👍 3  [🎉 1]`, grouped by key with
    /// their counts, the ones the user gave in brackets (seen in text and without colours alike).
    func reactionSegments(of message: ChatMessage) -> [StyledLine.Segment] {
        guard !message.reactions.isEmpty, !message.isDeleted else { return [] }
        let me = mentions?.user
        var segments: [StyledLine.Segment] = []
        for (index, reaction) in message.reactions.enumerated() {
            let isMine = me.map(reaction.users.contains) ?? false
            let group = "\(reaction.key) \(reaction.users.count)"
            segments.append(
                .init(
                    text: (index == 0 ? "\n" : "  ") + (isMine ? "[\(group)]" : group), foreground: .indexed(5),
                    attributes: isMine ? .bold : []))
        }
        return segments
    }

    /// `lines` of a message numbered `number` for `/react N`: the number takes the place of the time (so the
    /// layout does not move), or leads the line when times are not shown.
    func numbered(_ lines: [StyledLine], _ number: Int?) -> [StyledLine] {
        guard let number, var first = lines.first, !first.segments.isEmpty else { return lines }
        let label = "[\(number)]"
        if showTimestamps {
            first.segments[0] = .init(
                text: String(repeating: " ", count: max(0, 5 - label.count)) + label, attributes: .reverse)
        } else {
            first.segments.insert(.init(text: label + " ", attributes: .reverse), at: 0)
        }
        return [first] + lines.dropFirst()
    }
}
