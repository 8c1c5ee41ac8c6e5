import ParleyContracts

/// What the service accepts from clients, checked before anything is read or written.
enum InputRules {
    static let nameCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789_-")
    static let nameLengths = 2...32
    static let maximumIDBytes = 128

    /// A public room's canonical name: `#` and 2–32 of `a-z 0-9 _ -`, compared without regard to case; the
    /// `#` may be left out.
    static func roomName(_ raw: String) throws(MessagingError) -> String {
        let lowered = raw.lowercased()
        let bare = lowered.hasPrefix("#") ? String(lowered.dropFirst()) : lowered
        guard isName(bare) else { throw .invalidRoomName(raw) }
        return "#" + bare
    }

    /// A user's canonical name, as the account service makes them; a leading `@` may be given.
    static func userName(_ raw: String) throws(MessagingError) -> String {
        let lowered = raw.lowercased()
        let bare = lowered.hasPrefix("@") ? String(lowered.dropFirst()) : lowered
        guard isName(bare) else { throw .invalidUserName(raw) }
        return bare
    }

    /// Text is stored exactly as sent, control characters and all; it must say something (unless the message
    /// carries attachments) and fit in the size limit.
    static func checkText(_ text: String, hasAttachments: Bool = false) throws(MessagingError) {
        let bytes = text.utf8.count
        guard bytes <= ChatMessage.maximumTextBytes else {
            throw .messageTooLong(bytes: bytes, limit: ChatMessage.maximumTextBytes)
        }
        guard hasAttachments || text.contains(where: { !$0.isWhitespace }) else { throw .emptyMessage }
    }

    /// Client-made ids: 1–128 bytes, nothing invisible, so they can be logged and typed.
    static func checkID(_ id: MessageID) throws(MessagingError) {
        let raw = id.rawValue
        guard !raw.isEmpty, raw.utf8.count <= maximumIDBytes,
            raw.unicodeScalars.allSatisfy({ !$0.properties.isWhitespace && $0.value >= 0x21 && $0.value != 0x7F })
        else { throw .invalidMessageID(id) }
    }

    /// A reaction's key: an emoji (or a short word) as other clients send it, with nothing invisible in it.
    static func reactionKey(_ key: String) throws(MessagingError) -> String {
        guard !key.isEmpty, key.utf8.count <= Reaction.maximumKeyBytes,
            key.unicodeScalars.allSatisfy({ scalar in
                !scalar.properties.isWhitespace && !(0x00...0x1F).contains(scalar.value)
                    && !(0x7F...0x9F).contains(scalar.value)
            })
        else { throw .invalidReaction(key) }
        return key
    }

    /// An FTS5 query matching every word of `text`, each quoted so that nothing the user types is taken as
    /// query syntax.
    static func searchQuery(_ text: String) throws(MessagingError) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        guard !words.isEmpty else { throw .emptySearch }
        return words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " ")
    }

    /// Page and result sizes are clamped rather than refused: asking for too many is not a mistake worth a
    /// sentence.
    static func limit(_ requested: Int) -> Int { min(max(requested, 1), 500) }

    private static func isName(_ name: String) -> Bool {
        nameLengths.contains(name.count) && name.allSatisfy(nameCharacters.contains)
    }
}
