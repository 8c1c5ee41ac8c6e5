import Foundation

/// Finds where a message names the signed-in user: their user name, their display name, or `@name` (and
/// `@name:server`, the form Matrix clients send), as a whole word and in any case, as IRC clients highlight.
public struct MentionMatcher: Sendable, Hashable {
    /// The user's own name: their own messages never highlight them.
    public let user: String
    /// The names that count, lower-cased, longest first so that `Ann Lee` wins over `ann`.
    private let names: [String]

    /// - Parameters:
    ///   - user: the canonical (lower-case) user name.
    ///   - displayName: the name others see; ignored when it is empty.
    public init(user: String, displayName: String) {
        self.user = user
        let candidates = [user, displayName].map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        names = Array(Set(candidates.filter { !$0.isEmpty })).sorted { $0.count > $1.count }
    }

    /// Whether `text` names the user anywhere.
    public func matches(_ text: String) -> Bool {
        !ranges(in: text, stopAtFirst: true).isEmpty
    }

    /// Where `text` names the user, in order, with the `@` of `@name` included.
    public func ranges(in text: String) -> [Range<String.Index>] {
        ranges(in: text, stopAtFirst: false)
    }

    private func ranges(in text: String, stopAtFirst: Bool) -> [Range<String.Index>] {
        guard !names.isEmpty, !text.isEmpty else { return [] }
        var found: [Range<String.Index>] = []
        var searchStart = text.startIndex
        while searchStart < text.endIndex {
            // The earliest match of any name from here; the longest name among those starting there.
            var best: Range<String.Index>?
            for name in names {
                var from = searchStart
                while let range = text.range(of: name, options: .caseInsensitive, range: from..<text.endIndex) {
                    if Self.isWholeWord(range, in: text) {
                        if best == nil || range.lowerBound < best!.lowerBound { best = range }
                        break
                    }
                    from = text.index(after: range.lowerBound)
                }
            }
            guard var match = best else { break }
            if match.lowerBound > text.startIndex, text[text.index(before: match.lowerBound)] == "@" {
                match = text.index(before: match.lowerBound)..<match.upperBound
            }
            found.append(match)
            if stopAtFirst { break }
            searchStart = match.upperBound
        }
        return found
    }

    /// A name counts only as a word of its own: `ann` is named in `hi ann!` and `@ann:server`, not in `annual`.
    private static func isWholeWord(_ range: Range<String.Index>, in text: String) -> Bool {
        let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
        let after = range.upperBound < text.endIndex ? text[range.upperBound] : nil
        return !(before.map(isNameCharacter) ?? false) && !(after.map(isNameCharacter) ?? false)
    }

    /// Letters, digits and the characters user names may hold besides them (`.` and `-` end a sentence or a
    /// clause as often as they join a name, so they end a word here).
    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "="
    }
}
