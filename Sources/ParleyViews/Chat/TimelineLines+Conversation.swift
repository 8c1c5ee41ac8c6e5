import ParleyContracts
import ParleyCore

/// What a timeline adds to messages for a conversation: the day lines between them and the mentions in them.
extension TimelineLines {
    /// The day line above `messages[index]`: above the first message loaded, and wherever the day changes.
    func dayLine(above index: Int, in messages: [ChatMessage]) -> StyledLine? {
        guard let days else { return nil }
        let date = messages[index].sentAt
        if index > messages.startIndex, days.dayNumber(of: messages[index - 1].sentAt) == days.dayNumber(of: date) {
            return nil
        }
        return days.line(for: date, width: width)
    }

    /// The text of `message`, with each place it names the user bold and reversed (seen without colours too).
    func highlighted(_ message: ChatMessage) -> [StyledLine.Segment] {
        guard let mentions, message.sender != mentions.user else { return [.init(text: message.text)] }
        let ranges = mentions.ranges(in: message.text)
        guard !ranges.isEmpty else { return [.init(text: message.text)] }
        var segments: [StyledLine.Segment] = []
        var start = message.text.startIndex
        for range in ranges {
            if start < range.lowerBound { segments.append(.init(text: String(message.text[start..<range.lowerBound]))) }
            segments.append(
                .init(text: String(message.text[range]), foreground: .indexed(3), attributes: [.bold, .reverse]))
            start = range.upperBound
        }
        if start < message.text.endIndex { segments.append(.init(text: String(message.text[start...]))) }
        return segments
    }
}
