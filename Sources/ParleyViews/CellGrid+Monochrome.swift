import ParleyContracts

extension CellGrid {
    /// Every cell in the terminal's own colours, attributes kept: what `NO_COLOR` asks of a program. Bold,
    /// dim and reverse still mark what colour would have (the current room, mentions, warnings).
    public mutating func removeColors() {
        for y in 0..<height {
            for x in 0..<width {
                let cell = self[x, y]
                guard cell.foreground != .default || cell.background != .default else { continue }
                self[x, y] = Cell(cell.text, attributes: cell.attributes)
            }
        }
    }
}
