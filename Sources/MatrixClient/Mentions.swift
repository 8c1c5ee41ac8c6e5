/// `m.mentions`: whom a message means to notify (intentional mentions, Matrix 1.7). With it there, servers
/// highlight the message for exactly these users instead of guessing from the body's words.
public struct Mentions: Sendable, Hashable, Codable {
    public var userIDs: [String]

    public init(userIDs: [String]) { self.userIDs = userIDs }

    enum CodingKeys: String, CodingKey {
        case userIDs = "user_ids"
    }

    /// The user ids written in `body` as `@name:server` (the form Parley's Tab completes a name to), each
    /// once, in the order written; nil when there are none.
    ///
    /// An id starts a word (so `mail@host:1` in a URL is not one), and a sentence's closing punctuation after
    /// it is not part of the server name.
    public static func written(in body: String) -> Mentions? {
        var found: [String] = []
        var rest = Substring(body)
        while let at = rest.firstIndex(of: "@") {
            // A substring shares its text's indices: the character before may lie before `rest`.
            let before: Character = at == body.startIndex ? " " : body[body.index(before: at)]
            rest = rest[rest.index(after: at)...]
            let candidate = rest.prefix { isIDCharacter($0) }
            guard !(before.isLetter || before.isNumber), let userID = userID(from: candidate) else { continue }
            if !found.contains(userID) { found.append(userID) }
        }
        return found.isEmpty ? nil : Mentions(userIDs: found)
    }

    /// `@localpart:server` from the characters after an `@`, if they make one.
    private static func userID(from candidate: Substring) -> String? {
        let trimmed = candidate.reversed().drop { ".:-".contains($0) }.reversed()
        let text = String(trimmed)
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let localpart = text[..<colon]
        let server = text[text.index(after: colon)...]
        let localpartCharacters = "abcdefghijklmnopqrstuvwxyz0123456789._=-/+"
        guard !localpart.isEmpty, !server.isEmpty, localpart.allSatisfy({ localpartCharacters.contains($0) }),
            server.first?.isLetter == true || server.first?.isNumber == true || server.first == "["
        else { return nil }
        return "@" + text
    }

    private static func isIDCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "._=-/+:[]".contains(character))
    }
}
