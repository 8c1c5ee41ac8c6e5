import ParleyContracts

/// What a user sees before signing in: how to begin.
struct WelcomeView {
    static let lines = [
        "Welcome to Parley, a messenger for the terminal.",
        "",
        "  /register NAME PASSWORD [DISPLAY NAME]   create an account and sign in",
        "  /login NAME PASSWORD                     sign in",
        "  /help                                    every command",
        "  F12                                      the services, live",
        "  /quit or Ctrl-Q                          leave",
    ]

    func render(into grid: inout CellGrid, x: Int, y: Int, width: Int, height: Int) {
        for (index, line) in Self.lines.prefix(height).enumerated() {
            grid.write(line, x: x, y: y + index, limit: width, attributes: index == 0 ? .bold : [])
        }
    }
}
