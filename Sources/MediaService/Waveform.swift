/// Draws peaks as one line of block characters, one cell per peak.
enum Waveform {
    /// Eighths of a cell, lowest first. Silence still draws the lowest block, so the line keeps its length
    /// on screen and a quiet stretch is visibly there.
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// Peaks run from 0 to 1 on an absolute scale, not normalised: a quiet recording looks quiet.
    static func line(peaks: [Float]) -> String {
        String(
            peaks.map { peak in
                let level = Int((max(0, min(peak, 1)) * Float(blocks.count)).rounded(.up))
                return blocks[max(0, min(level, blocks.count) - 1)]
            })
    }
}
