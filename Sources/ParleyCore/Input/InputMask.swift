/// Which parts of the input line are shown as `•`: the password of `/register` and `/login` (the argument
/// `CommandTable` marks), so that it never appears on screen (or in a screenshot) while it is typed.
public enum InputMask {
    /// The text as the screen shows it: same length, passwords replaced grapheme for grapheme.
    public static func displayed(_ text: String) -> String {
        guard let masked = maskedWord(in: text) else { return text }
        var result = ""
        var word = 0
        var inSpace = false
        for character in text {
            if character == " " {
                if !inSpace { word += 1 }
                inSpace = true
                result.append(character)
            } else {
                inSpace = false
                result.append(word == masked ? "•" : character)
            }
        }
        return result
    }

    /// Whether `text` has a password to mask. Looks at the first word only, so that a long line costs nothing.
    public static func masks(_ text: String) -> Bool { maskedWord(in: text) != nil }

    /// Which word of `text` is a password (word 0 is the command, so `/login NAME PASSWORD` masks word 2).
    private static func maskedWord(in text: String) -> Int? {
        guard text.hasPrefix("/") else { return nil }
        // Longer than any command's name: the first word is found without reading a long line through.
        let head = text.prefix(24)
        guard let space = head.firstIndex(of: " "),
            let masked = CommandTable.spec(named: head[..<space])?.maskedArgument
        else { return nil }
        return masked + 1
    }
}
