import ParleyContracts

extension KeyDecoder {
    /// What the bytes at one position of the buffer are.
    enum Step: Equatable {
        /// The buffer ends inside a sequence or character.
        case incomplete
        /// Zero or more inputs, and where the next one starts.
        case decoded([TerminalInput], next: Int)
        /// `ESC [200~`: what follows is pasted text.
        case pasteBegins(next: Int)
    }

    static func decode(_ buffer: [UInt8], at index: Int) -> Step {
        let byte = buffer[index]
        switch byte {
        case 27: return escape(buffer, at: index)
        case 13, 10: return .decoded([.key(.enter)], next: index + 1)
        case 9: return .decoded([.key(.tab)], next: index + 1)
        case 8, 127: return .decoded([.key(.backspace)], next: index + 1)
        case 1...26: return .decoded([.key(.control(Character(Unicode.Scalar(byte + 96))))], next: index + 1)
        case 0, 28...31: return .decoded([], next: index + 1)  // Ctrl-@ and friends mean nothing here
        default:
            guard let (character, next) = character(buffer, at: index) else { return .incomplete }
            return .decoded([.key(.character(character))], next: next)
        }
    }

    /// One UTF-8 character at `index` and the index after it; U+FFFD for a byte that cannot start or continue
    /// one (decoding resumes at the next byte); nil when the buffer ends inside it.
    static func character(_ buffer: [UInt8], at index: Int) -> (Character, next: Int)? {
        let lead = buffer[index]
        if lead < 0x80 { return (Character(Unicode.Scalar(lead)), index + 1) }
        let length =
            switch lead {
            case 0xC2...0xDF: 2
            case 0xE0...0xEF: 3
            case 0xF0...0xF4: 4
            default: 0
            }
        guard length > 0 else { return ("\u{FFFD}", index + 1) }
        for offset in 1..<length {
            guard index + offset < buffer.count else { return nil }
            guard (0x80...0xBF).contains(buffer[index + offset]) else { return ("\u{FFFD}", index + 1) }
        }
        // Overlong forms and surrogates pass the checks above; the standard library refuses them.
        guard let text = String(validating: buffer[index..<(index + length)], as: UTF8.self), let first = text.first
        else { return ("\u{FFFD}", index + 1) }
        return (first, index + length)
    }

    // MARK: - Escape sequences

    private static func escape(_ buffer: [UInt8], at index: Int) -> Step {
        guard index + 1 < buffer.count else { return .incomplete }
        let next = buffer[index + 1]
        switch next {
        case UInt8(ascii: "["):
            return controlSequence(buffer, at: index)
        case UInt8(ascii: "O"):
            guard index + 2 < buffer.count else { return .incomplete }
            return .decoded(singleShift(buffer[index + 2]).map { [TerminalInput.key($0)] } ?? [], next: index + 3)
        case 27:
            // ESC ESC [1~ is how some terminals (rxvt) send Alt-Home.
            if case let .decoded(inputs, after) = decode(buffer, at: index + 1), let alt = withAlt(inputs) {
                return .decoded(alt, next: after)
            }
            return .decoded([.key(.escape)], next: index + 1)
        case 13, 10:
            return .decoded([.key(.altEnter)], next: index + 2)
        case 32..<127:
            return .decoded([.key(.alt(Character(Unicode.Scalar(next))))], next: index + 2)
        case 0x80...:
            guard let (character, after) = character(buffer, at: index + 1) else { return .incomplete }
            return .decoded([.key(.alt(character))], next: after)
        default:
            // Escape, then a control key pressed right after it.
            return .decoded([.key(.escape)], next: index + 1)
        }
    }

    /// `ESC [` parameters and a final byte, or a mouse report.
    private static func controlSequence(_ buffer: [UInt8], at index: Int) -> Step {
        let start = index + 2
        guard start < buffer.count else { return .incomplete }
        if buffer[start] == UInt8(ascii: "M") {
            // The classic mouse report: ESC [ M and three bytes, each offset by 32.
            guard start + 3 < buffer.count else { return .incomplete }
            let (button, x, y) = (Int(buffer[start + 1]) - 32, Int(buffer[start + 2]) - 33, Int(buffer[start + 3]) - 33)
            return .decoded(mouse(button: button, x: x, y: y, pressed: true), next: start + 4)
        }
        var end = start
        while end < buffer.count, (0x20...0x3F).contains(buffer[end]) {
            end += 1
            // No sequence Parley knows is this long: it is noise, not something to wait for.
            if end - start > 32 { return .decoded([], next: end) }
        }
        guard end < buffer.count else { return .incomplete }
        let final = buffer[end]
        guard (0x40...0x7E).contains(final) else { return .decoded([], next: end) }
        let parameters = String(decoding: buffer[start..<end], as: UTF8.self)
        if parameters == "200" && final == UInt8(ascii: "~") { return .pasteBegins(next: end + 1) }
        return .decoded(inputs(parameters: parameters, final: final), next: end + 1)
    }

    private static func inputs(parameters: String, final: UInt8) -> [TerminalInput] {
        if parameters.hasPrefix("<") {
            // SGR mouse report: ESC [ < button ; column ; row, M when pressed, m when released (1-based).
            let numbers = parameters.dropFirst().split(separator: ";").compactMap { Int($0) }
            guard numbers.count == 3 else { return [] }
            return mouse(
                button: numbers[0], x: numbers[1] - 1, y: numbers[2] - 1, pressed: final == UInt8(ascii: "M"))
        }
        let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 1 }
        // The modifier parameter is 1 plus a bit mask: 1 Shift, 2 Alt, 4 Ctrl.
        let isAlt = numbers.count > 1 && (numbers[1] - 1) & 2 != 0
        let key: Key? =
            final == UInt8(ascii: "~") ? tildeKey(numbers.first ?? 0) : finalKey(Character(Unicode.Scalar(final)))
        guard let key else { return [] }
        if isAlt, let alt = withAlt([.key(key)]) { return alt }
        return [.key(key)]
    }

    /// `ESC [ N ~` keys, as xterm, the Linux console, screen/tmux and rxvt number them.
    private static func tildeKey(_ number: Int) -> Key? {
        switch number {
        case 1, 7: .home
        case 4, 8: .end
        case 3: .delete
        case 5: .pageUp
        case 6: .pageDown
        case 11...15: .function(number - 10)
        case 17...21: .function(number - 11)
        case 23, 24: .function(number - 12)
        default: nil
        }
    }

    /// `ESC [ X` keys, possibly with a modifier (`ESC [1;3H` is Alt-Home).
    private static func finalKey(_ final: Character) -> Key? {
        switch final {
        case "Z": .backTab
        default: singleShift(final.asciiValue ?? 0)
        }
    }

    /// `ESC O X` keys, which terminals send in keypad mode.
    private static func singleShift(_ final: UInt8) -> Key? {
        switch Character(Unicode.Scalar(final)) {
        case "A": .up
        case "B": .down
        case "C": .right
        case "D": .left
        case "H": .home
        case "F": .end
        case "M": .enter
        case "P": .function(1)
        case "Q": .function(2)
        case "R": .function(3)
        case "S": .function(4)
        default: nil
        }
    }

    /// The Alt form of a lone key, for the keys that have one.
    private static func withAlt(_ inputs: [TerminalInput]) -> [TerminalInput]? {
        switch inputs {
        case [.key(.home)]: [.key(.altHome)]
        case [.key(.end)]: [.key(.altEnd)]
        default: nil
        }
    }

    /// A mouse report: the wheel scrolls, a press of the first button clicks; releases and motion are ignored.
    private static func mouse(button: Int, x: Int, y: Int, pressed: Bool) -> [TerminalInput] {
        guard pressed, button & 32 == 0, x >= 0, y >= 0 else { return [] }
        switch button & ~(4 | 8 | 16) {  // without Shift, Alt and Ctrl
        case 64: return [.mouse(.wheelUp(x: x, y: y))]
        case 65: return [.mouse(.wheelDown(x: x, y: y))]
        case 0: return [.mouse(.click(x: x, y: y))]
        default: return []
        }
    }
}
