import ParleyContracts
import Testing

@testable import TerminalBackend

struct ColorMapperTests {
    @Test(arguments: [
        (TerminalColor.default, 256, -1),
        (.indexed(1), 256, 1),
        (.indexed(196), 256, 196),
        (.rgb(255, 0, 0), 256, 196),
        (.rgb(0, 0, 0), 256, 16),
        (.rgb(128, 128, 128), 256, 244),
        (.rgb(250, 10, 10), 8, 1),
        (.rgb(10, 200, 10), 8, 2),
        (.indexed(196), 8, 1),
        (.indexed(2), 0, -1),
    ])
    func mapsOntoWhatTheTerminalHas(_ color: TerminalColor, _ colorCount: Int, _ expected: Int) {
        #expect(ColorMapper(colorCount: colorCount).index(of: color) == expected)
    }
}
