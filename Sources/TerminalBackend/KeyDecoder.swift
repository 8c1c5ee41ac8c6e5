import ParleyContracts

/// One thing ncurses read: a character, or one of its key codes (arrows, function keys, resize, mouse).
public enum RawInput: Equatable, Sendable {
    case character(UInt32)
    case keyCode(Int32)
}

/// ncurses key codes the decoder understands, passed in so that the decoder stays a pure value type.
public struct KeyCodes: Sendable {
    public var up, down, left, right, home, end, pageUp, pageDown: Int32
    public var backspace, delete, backTab, enter: Int32
    /// F1's code; F2 to F12 follow it.
    public var f1: Int32

    public init(
        up: Int32, down: Int32, left: Int32, right: Int32, home: Int32, end: Int32, pageUp: Int32, pageDown: Int32,
        backspace: Int32, delete: Int32, backTab: Int32, enter: Int32, f1: Int32
    ) {
        (self.up, self.down, self.left, self.right) = (up, down, left, right)
        (self.home, self.end, self.pageUp, self.pageDown) = (home, end, pageUp, pageDown)
        (self.backspace, self.delete, self.backTab, self.enter, self.f1) = (backspace, delete, backTab, enter, f1)
    }
}

/// Turns what ncurses reads into Parley's keys.
///
/// Terminals send Alt-x as Escape followed by x, so an Escape is held until the next read: a character
/// straight after it makes an Alt key; nothing after it (`flush()`) makes a plain Escape.
public struct KeyDecoder {
    private let codes: KeyCodes
    private var escapePending = false

    public init(codes: KeyCodes) { self.codes = codes }

    /// The keys `input` completes; empty while an Escape waits to see what follows it.
    public mutating func feed(_ input: RawInput) -> [Key] {
        switch input {
        case .character(27):
            let held = flush()
            escapePending = true
            return held
        case let .character(value) where escapePending:
            escapePending = false
            if value == 13 || value == 10 { return [.altEnter] }
            if let character = Unicode.Scalar(value).map(Character.init), value >= 32, value != 127 {
                return [.alt(character)]
            }
            return [.escape] + plain(value)
        case let .character(value):
            return plain(value)
        case let .keyCode(code):
            return flush() + (key(forCode: code).map { [$0] } ?? [])
        }
    }

    /// Ends a pending Escape when no more input is waiting.
    public mutating func flush() -> [Key] {
        guard escapePending else { return [] }
        escapePending = false
        return [.escape]
    }

    private func plain(_ value: UInt32) -> [Key] {
        switch value {
        case 13, 10: return [.enter]
        case 9: return [.tab]
        case 8, 127: return [.backspace]
        case 1...26: return [.control(Character(Unicode.Scalar(value + 96)!))]
        case 0, 28...31: return []  // Ctrl-@ and friends mean nothing here
        default:
            guard let scalar = Unicode.Scalar(value) else { return [] }
            return [.character(Character(scalar))]
        }
    }

    private func key(forCode code: Int32) -> Key? {
        switch code {
        case codes.up: .up
        case codes.down: .down
        case codes.left: .left
        case codes.right: .right
        case codes.home: .home
        case codes.end: .end
        case codes.pageUp: .pageUp
        case codes.pageDown: .pageDown
        case codes.backspace: .backspace
        case codes.delete: .delete
        case codes.backTab: .backTab
        case codes.enter: .enter
        case codes.f1...(codes.f1 + 11): .function(Int(code - codes.f1) + 1)
        default: nil
        }
    }
}
