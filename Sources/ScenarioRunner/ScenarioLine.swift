/// What is wrong with one line of a script; the parser adds the file and line number.
struct ScenarioLineError: Error, Equatable {
    let reason: String
}

/// One trimmed line of a script, read left to right: words, then perhaps a TEXT, then perhaps a comment.
///
/// It reads Unicode scalars rather than characters so that a `"` or `#` followed by a combining mark still
/// counts as one. A `#` starts a comment only at the start of the line or after whitespace, never inside a
/// quoted string, and never in an unquoted TEXT, which runs to the end of the line.
struct ScenarioLine {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ trimmed: String) {
        scalars = Array(trimmed.unicodeScalars)
    }

    /// Whether nothing but whitespace and perhaps a comment is left.
    var isAtEnd: Bool {
        var copy = self
        copy.skipWhitespace()
        return copy.isAtCommentOrEnd
    }

    /// The next run of non-whitespace, or nil at the end of the line or at a comment.
    mutating func word() -> String? {
        skipWhitespace()
        guard !isAtCommentOrEnd else { return nil }
        let start = position
        while position < scalars.count, !Self.isWhitespace(scalars[position]) {
            position += 1
        }
        return string(start..<position)
    }

    /// A TEXT: a double-quoted string with escapes (then perhaps a comment), or else the rest of the line,
    /// `#` and all: chat is full of `#room` names, and `send /join #general` must send all of it. Nil if the
    /// line has nothing more.
    mutating func text() throws(ScenarioLineError) -> String? {
        skipWhitespace()
        guard position < scalars.count else { return nil }
        if scalars[position] == "\"" {
            return try quotedToEnd()
        }
        defer { position = scalars.count }
        return string(position..<scalars.count)
    }

    /// A KEY: a double-quoted string, whose value is taken literally, or else a word; nil if there is none.
    mutating func keyArgument() throws(ScenarioLineError) -> (text: String, isQuoted: Bool)? {
        skipWhitespace()
        guard !isAtCommentOrEnd else { return nil }
        if scalars[position] == "\"" {
            return (try quotedToEnd(), true)
        }
        return word().map { ($0, false) }
    }

    /// Throws unless nothing but a comment is left; `usage` says what the directive takes.
    mutating func finish(_ usage: String) throws(ScenarioLineError) {
        if let extra = word() {
            throw ScenarioLineError(reason: "extra argument \(ScenarioText.quoted(extra)); \(usage)")
        }
    }

    // MARK: - Scanning

    /// A quoted string is the last thing on its line, so anything but a comment after it is a mistake, most
    /// likely a quote that was meant to be escaped.
    private mutating func quotedToEnd() throws(ScenarioLineError) -> String {
        let value = try ScenarioText.unquote(scalars, at: &position)
        skipWhitespace()
        guard isAtCommentOrEnd else {
            let rest = string(position..<scalars.count)
            throw ScenarioLineError(
                reason: "unexpected \(ScenarioText.quoted(rest)) after the closing quote; "
                    + "only a # comment may follow a quoted string")
        }
        return value
    }

    private mutating func skipWhitespace() {
        while position < scalars.count, Self.isWhitespace(scalars[position]) {
            position += 1
        }
    }

    private var isAtCommentOrEnd: Bool { position == scalars.count || isAtComment }

    private var isAtComment: Bool {
        scalars[position] == "#" && (position == 0 || Self.isWhitespace(scalars[position - 1]))
    }

    private func string(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace
    }
}
