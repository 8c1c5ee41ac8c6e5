/// The user's colour setting (`interface.colors`) as a value: as many colours as the terminal shows, at
/// most 256 or 8, or none at all (`NO_COLOR`). Read from the settings once; the front end resolves it into the `Palette` that both the
/// views and the terminal use.
public enum ColorChoice: String, Sendable, Equatable, CaseIterable {
    case auto
    case colors256 = "256"
    case colors8 = "8"
    /// No colour anywhere, as `NO_COLOR` asks; bold, dim and reverse stay.
    case none

    /// The palette on a terminal that shows `terminalColors` colours; nil when there is no terminal (the
    /// scenario runner), where `auto` means 256.
    public func palette(terminalColors: Int?) -> Palette {
        switch self {
        case .colors256: .colors256
        case .colors8, .none: .colors8
        case .auto: (terminalColors ?? 256) >= 256 ? .colors256 : .colors8
        }
    }
}

extension ColorChoice {
    /// Whether views and the terminal may use colours at all.
    public var showsColors: Bool { self != .none }
}

extension Palette {
    /// How many colours a terminal cell may take in this palette.
    public var colorCount: Int {
        switch self {
        case .truecolor, .colors256: 256
        case .colors8: 8
        }
    }
}
