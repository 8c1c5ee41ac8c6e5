import Foundation
import ParleyContracts
import ParleyCore

/// One screen line of the timeline: segments of text, each with its own look.
struct StyledLine: Equatable {
    struct Segment: Equatable {
        var text: String
        var foreground: TerminalColor = .default
        var attributes: CellAttributes = []
    }
    var segments: [Segment]
}

/// Lays a room's messages out as screen lines: `HH:MM sender: text`, wrapped to the width, each line of a
/// multi-line message under the first, pending messages dimmed at the end.
///
/// Message text is untrusted: it is split into lines here, and every control character left is made visible
/// by the grid when written, so nothing a sender types reaches the terminal as a control sequence.
struct TimelineLines {
    var width: Int
    var showTimestamps: Bool
    var timeZone: TimeZone
    /// The line above each day's first message; none in views that show no days (search results).
    var days: DayLines?
    /// Highlights messages that name the signed-in user.
    var mentions: MentionMatcher?
    /// The numbers `/react N` takes, shown in place of the time while the command is typed.
    var reactionNumbers: [MessageID: Int] = [:]
    /// How far others have read, shown beside the user's own messages; nil shows none (search results).
    var receipts: ReceiptMarks? = nil
    /// Where laid-out messages are kept between frames; nil lays every message out afresh.
    var cache: TimelineLayoutCache? = nil

    /// The newest `count` screen lines of the timeline, or all of them when there are fewer. Messages are laid
    /// out from the newest back, only until `count` lines are filled: a frame costs what the screen shows,
    /// however long the loaded timeline.
    func newestLines(
        _ count: Int, messages: [ChatMessage], pending: [PendingMessage], me: String?,
        number: (AttachmentReference) -> Int? = { _ in nil }
    ) -> [StyledLine] {
        var blocks: [[StyledLine]] = []
        var total = 0
        for message in pending.reversed() {
            guard total < count else { break }
            blocks.append(lines(pending: message, me: me))
            total += blocks[blocks.count - 1].count
        }
        for index in messages.indices.reversed() {
            guard total < count else { break }
            blocks.append(laidOut(messages[index], in: messages, number: number))
            if let dayLine = dayLine(above: index, in: messages) { blocks[blocks.count - 1].insert(dayLine, at: 0) }
            total += blocks[blocks.count - 1].count
        }
        return Array(blocks.reversed().joined().suffix(count))
    }

    /// The oldest `count` screen lines of the timeline (after a jump to the room's first message), laid out
    /// from the oldest message on, only until `count` lines are filled; pending messages come last.
    func oldestLines(
        _ count: Int, messages: [ChatMessage], pending: [PendingMessage], me: String?,
        number: (AttachmentReference) -> Int? = { _ in nil }
    ) -> [StyledLine] {
        var result: [StyledLine] = []
        for index in messages.indices {
            guard result.count < count else { break }
            if let dayLine = dayLine(above: index, in: messages) { result.append(dayLine) }
            result += laidOut(messages[index], in: messages, number: number)
        }
        for message in pending {
            guard result.count < count else { break }
            result += lines(pending: message, me: me)
        }
        return Array(result.prefix(count))
    }

    /// The lines of `message`, from the cache when it has them.
    private func laidOut(
        _ message: ChatMessage, in messages: [ChatMessage], number: (AttachmentReference) -> Int?
    ) -> [StyledLine] {
        let mark = receipts?.mark(for: message)
        guard let cache else { return lines(of: message, in: messages, number: number, mark: mark) }
        let key = TimelineLayoutCache.Key(
            message: message, width: width, showTimestamps: showTimestamps, timeZone: timeZone,
            replySender: message.replyTo.flatMap { id in messages.last { $0.id == id }?.sender },
            numbers: message.attachments.map(number), mentions: mentions,
            reactionNumber: reactionNumbers[message.id], receipt: mark)
        return cache.lines(for: key) { lines(of: message, in: messages, number: number, mark: mark) }
    }

    private func lines(
        of message: ChatMessage, in messages: [ChatMessage], number: (AttachmentReference) -> Int?,
        mark: ReceiptMarks.Mark?
    ) -> [StyledLine] {
        var body: [StyledLine.Segment] =
            message.isDeleted
            ? [.init(text: "(message deleted)", attributes: .dim)]
            : message.notice.map { [.init(text: $0, attributes: .dim)] }
                ?? highlighted(message)
                + (message.editedAt == nil ? [] : [.init(text: " (edited)", attributes: .dim)])
        if let replyTo = message.replyTo, !message.isDeleted {
            // Looked up only for a reply on screen: most messages are not replies.
            let sender = messages.last { $0.id == replyTo }?.sender
            body.insert(.init(text: "↩ \(sender ?? "earlier message") ", attributes: .dim), at: 0)
        }
        if !message.isDeleted {
            // Each attachment on a line of its own, numbered for /save N and /preview N.
            for (index, attachment) in message.attachments.enumerated() {
                let label = number(attachment).map { "[\($0)] " } ?? ""
                let separator = index == 0 && message.text.isEmpty ? "" : "\n"
                let details = "\(Self.size(attachment.size)), \(attachment.mediaType)"
                body.append(
                    .init(text: "\(separator)📎 \(label)\(attachment.name) (\(details))", foreground: .indexed(6)))
            }
        }
        body += receiptSegments(mark)
        body += reactionSegments(of: message)
        return numbered(layout(time: message.sentAt, sender: message.sender, body: body), reactionNumbers[message.id])
    }

    /// A message on its way, or waiting in the outbox for messaging to come back.
    private func lines(pending message: PendingMessage, me: String?) -> [StyledLine] {
        layout(
            time: nil, sender: me ?? "you",
            body: [
                .init(text: message.summary, attributes: .dim),
                .init(text: message.isQueued ? " (pending)" : " (sending…)", attributes: .dim),
            ])
    }

    private func layout(time: Date?, sender: String, body: [StyledLine.Segment]) -> [StyledLine] {
        var prefix: [StyledLine.Segment] = []
        if showTimestamps { prefix.append(.init(text: time.map(clock) ?? "     ", attributes: .dim)) }
        prefix.append(
            .init(text: (showTimestamps ? " " : "") + sender, foreground: Self.color(of: sender), attributes: .bold))
        prefix.append(.init(text: ": "))
        let indent = prefix.reduce(0) { $0 + TerminalText.width($1.text) }
        var lines: [StyledLine] = []
        var current = prefix
        var column = indent
        for segment in body {
            // Multi-line messages: each line of the text starts a new screen line, under the first.
            for (index, paragraph) in segment.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            {
                if index > 0 {
                    lines.append(StyledLine(segments: current))
                    current = [.init(text: String(repeating: " ", count: indent))]
                    column = indent
                }
                var run: [String] = []
                for grapheme in TerminalText.safeGraphemes(String(paragraph)) {
                    let graphemeWidth = TerminalText.width(of: grapheme)
                    if column + graphemeWidth > width && column > indent {
                        // Break at the space that overflows, else after the last space on the line; split a word
                        // only when it is longer than a line.
                        let space = grapheme == " " ? run.count + 1 : run.lastIndex(of: " ").map { $0 + 1 } ?? 0
                        let carried = space > 0 && space <= run.count ? Array(run[space...]) : []
                        let kept = space > 0 ? Array(run[..<(space - 1)]) : run
                        current.append(
                            .init(text: kept.joined(), foreground: segment.foreground, attributes: segment.attributes))
                        lines.append(StyledLine(segments: current))
                        current = [.init(text: String(repeating: " ", count: indent))]
                        run = carried
                        column = indent + carried.reduce(0) { $0 + TerminalText.width(of: $1) }
                        if grapheme == " " { continue }
                    }
                    run.append(grapheme)
                    column += graphemeWidth
                }
                current.append(
                    .init(text: run.joined(), foreground: segment.foreground, attributes: segment.attributes))
            }
        }
        lines.append(StyledLine(segments: current))
        return lines
    }

    /// `HH:MM` in `timeZone`, from the zone's offset alone: a `Calendar` would first be made in the named
    /// current zone (ICU's zone data) before taking this one, which the first frame must not wait for.
    private func clock(_ date: Date) -> String {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        let minutes = local >= 0 ? local / 60 : (local - 59) / 60  // rounded down, before 1970 too
        let minuteOfDay = ((minutes % 1440) + 1440) % 1440
        let (hour, minute) = minuteOfDay.quotientAndRemainder(dividingBy: 60)
        return (hour < 10 ? "0" : "") + String(hour) + (minute < 10 ? ":0" : ":") + String(minute)
    }

    /// `512 B`, `3.4 KiB`, `12 MiB`: sizes as people read them.
    static func size(_ bytes: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 || value >= 10 { return "\(Int(value.rounded())) \(units[unit])" }
        return String(format: "%.1f %@", value, units[unit])
    }

    /// A colour per sender, the same every time, so a conversation is easy to follow.
    static func color(of name: String) -> TerminalColor {
        let palette: [UInt8] = [2, 3, 4, 5, 6, 1]
        let sum = name.unicodeScalars.reduce(0) { $0 &+ Int($1.value) }
        return .indexed(palette[sum % palette.count])
    }
}
