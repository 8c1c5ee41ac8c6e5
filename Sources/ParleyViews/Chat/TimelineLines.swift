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

    func lines(
        messages: [ChatMessage], pending: [PendingMessage], me: String?,
        number: (AttachmentReference) -> Int? = { _ in nil }
    ) -> [StyledLine] {
        var lines: [StyledLine] = []
        let senders = Dictionary(messages.map { ($0.id, $0.sender) }, uniquingKeysWith: { first, _ in first })
        for message in messages {
            var body: [StyledLine.Segment] =
                message.isDeleted
                ? [.init(text: "(message deleted)", attributes: .dim)]
                : message.notice.map { [.init(text: $0, attributes: .dim)] }
                    ?? [.init(text: message.text)]
                    + (message.editedAt == nil ? [] : [.init(text: " (edited)", attributes: .dim)])
            if let replyTo = message.replyTo, !message.isDeleted {
                body.insert(.init(text: "↩ \(senders[replyTo] ?? "earlier message") ", attributes: .dim), at: 0)
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
            lines += layout(time: message.sentAt, sender: message.sender, body: body)
        }
        for message in pending {
            // On its way, or waiting in the outbox for messaging to come back.
            let text =
                message.attachments.isEmpty
                ? message.text : "📎 " + message.attachments.map(\.name).joined(separator: ", ")
            lines += layout(
                time: nil, sender: me ?? "you",
                body: [
                    .init(text: text, attributes: .dim),
                    .init(text: message.isQueued ? " (pending)" : " (sending…)", attributes: .dim),
                ])
        }
        return lines
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

    private func clock(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
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
