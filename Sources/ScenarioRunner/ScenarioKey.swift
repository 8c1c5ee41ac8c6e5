import ParleyContracts

/// The KEY of `press`: a key name, matched case-insensitively, or one character.
enum ScenarioKey {
    private static let accepted =
        "keys are Enter, Tab, Esc, Space, Up, Down, Left, Right, PgUp, PgDn, Home, End, Backspace, Delete, "
        + "F1 to F12, Ctrl-A to Ctrl-Z, Alt-1 to Alt-9, Alt-Enter, Alt-Home, Alt-End, Shift-Tab, "
        + "or one character"

    private static let names: [String: Key] = [
        "enter": .enter, "tab": .tab, "esc": .escape, "space": .character(" "),
        "up": .up, "down": .down, "left": .left, "right": .right,
        "pgup": .pageUp, "pgdn": .pageDown, "home": .home, "end": .end,
        "backspace": .backspace, "delete": .delete,
        // Beyond DESIGN's list, which allows more: a new line in a message, and completion backwards.
        "alt-enter": .altEnter, "shift-tab": .backTab, "alt-home": .altHome, "alt-end": .altEnd,
    ]

    /// The key a bare word names: a key name first, so `f` is the letter but `F1` is the function key.
    static func key(named word: String) throws(ScenarioLineError) -> Key {
        // Names are ASCII; checking before lower-casing keeps "Ctrl-\u{212A}" (the Kelvin sign) from becoming Ctrl-K.
        let name = word.lowercased()
        if word.unicodeScalars.allSatisfy(\.isASCII),
            let key = names[name] ?? function(name) ?? control(name) ?? alt(name)
        {
            return key
        }
        if word.count == 1 {
            return try character(word)
        }
        throw ScenarioLineError(reason: "\(ScenarioText.quoted(word)) is not a key; \(accepted)")
    }

    /// The key a quoted string stands for: always its one character, so `"#"` can be pressed although a bare
    /// `#` starts a comment.
    static func key(quoted value: String) throws(ScenarioLineError) -> Key {
        guard value.count == 1 else {
            throw ScenarioLineError(
                reason: "\(ScenarioText.quoted(value)) is not one character; a quoted KEY is one character, "
                    + "as in \"#\", and key names such as Enter are written without quotes")
        }
        return try character(value)
    }

    // MARK: - Families of names

    /// `F1` to `F12`, without leading zeros.
    private static func function(_ name: String) -> Key? {
        guard name.hasPrefix("f"), let number = decimal(name.dropFirst()), (1...12).contains(number) else {
            return nil
        }
        return .function(number)
    }

    /// `Ctrl-A` to `Ctrl-Z`; the key carries the lower-case letter.
    private static func control(_ name: String) -> Key? {
        guard name.hasPrefix("ctrl-"), let letter = single(name.dropFirst(5)), ("a"..."z").contains(letter) else {
            return nil
        }
        return .control(Character(letter))
    }

    /// `Alt-1` to `Alt-9`, which switch rooms.
    private static func alt(_ name: String) -> Key? {
        guard name.hasPrefix("alt-"), let digit = single(name.dropFirst(4)), ("1"..."9").contains(digit) else {
            return nil
        }
        return .alt(Character(digit))
    }

    /// A typed character. Control characters are refused: `Key.character` is for printable text, and the keys
    /// that send them have names.
    private static func character(_ text: String) throws(ScenarioLineError) -> Key {
        let character = Character(text)
        guard !character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ScenarioLineError(
                reason: "\(ScenarioText.quoted(text)) is a control character; press it by name, such as Esc, "
                    + "Enter, Tab or Ctrl-A")
        }
        return .character(character)
    }

    private static func single(_ text: Substring) -> Unicode.Scalar? {
        text.unicodeScalars.count == 1 ? text.unicodeScalars.first : nil
    }

    /// A number written with ASCII digits only and no leading zero, so `F+1` and `F01` are not keys.
    private static func decimal(_ text: Substring) -> Int? {
        guard text.isASCIIDigits, !text.hasPrefix("0") else { return nil }
        return Int(text)
    }
}
