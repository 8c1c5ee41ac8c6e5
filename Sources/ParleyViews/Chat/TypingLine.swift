/// Who is typing, as the line above the input says it: `ann is typing…`, `ann and ben are typing…`,
/// `ann, ben and cat are typing…`, and beyond three, `ann, ben and 2 others are typing…`.
enum TypingLine {
    static func summary(_ names: [String]) -> String? {
        let names = names.map(TerminalText.sanitized)
        switch names.count {
        case 0: return nil
        case 1: return "\(names[0]) is typing…"
        case 2: return "\(names[0]) and \(names[1]) are typing…"
        case 3: return "\(names[0]), \(names[1]) and \(names[2]) are typing…"
        default: return "\(names[0]), \(names[1]) and \(names.count - 2) others are typing…"
        }
    }
}
