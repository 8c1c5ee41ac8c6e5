import CNcurses
import ParleyContracts

/// Reads every input ncurses has waiting and reports it as Parley's inputs. Used only on the terminal's thread.
struct InputReader {
    private var decoder = KeyDecoder(codes: .ncurses)
    private let onInput: @Sendable (TerminalInput) -> Void

    init(onInput: @escaping @Sendable (TerminalInput) -> Void) { self.onInput = onInput }

    mutating func readAvailable() {
        while true {
            var input: wint_t = 0
            let result = parley_read_input(&input)
            if result == ERR {
                for key in decoder.flush() { onInput(.key(key)) }
                return
            }
            if result == KEY_CODE_YES {
                handle(code: Int32(bitPattern: input))
            } else {
                for key in decoder.feed(.character(input)) { onInput(.key(key)) }
            }
        }
    }

    private mutating func handle(code: Int32) {
        switch code {
        case KEY_RESIZE:
            onInput(.resize(width: Int(parley_screen_width()), height: Int(parley_screen_height())))
        case KEY_MOUSE:
            var (x, y): (Int32, Int32) = (0, 0)
            var buttons: UInt = 0
            guard parley_read_mouse(&x, &y, &buttons) == 0 else { return }
            let (column, row) = (Int(x), Int(y))
            if buttons & parley_button_wheel_up() != 0 {
                onInput(.mouse(.wheelUp(x: column, y: row)))
            } else if buttons & parley_button_wheel_down() != 0 {
                onInput(.mouse(.wheelDown(x: column, y: row)))
            } else if buttons & parley_button_click() != 0 {
                onInput(.mouse(.click(x: column, y: row)))
            }
        default:
            for key in decoder.feed(.keyCode(code)) { onInput(.key(key)) }
        }
    }
}

extension KeyCodes {
    /// The codes this ncurses uses.
    static var ncurses: KeyCodes {
        KeyCodes(
            up: KEY_UP, down: KEY_DOWN, left: KEY_LEFT, right: KEY_RIGHT, home: KEY_HOME, end: KEY_END,
            pageUp: KEY_PPAGE, pageDown: KEY_NPAGE, backspace: KEY_BACKSPACE, delete: KEY_DC, backTab: KEY_BTAB,
            enter: KEY_ENTER, f1: parley_key_f(1))
    }
}
