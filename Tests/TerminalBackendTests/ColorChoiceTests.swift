import ParleyContracts
import Testing

/// The colour setting comes to one palette, which the views' previews and the terminal's colour pairs share.
struct ColorChoiceTests {
    @Test(arguments: [
        (ColorChoice.auto, 256, Palette.colors256), (.auto, 8, .colors8), (.auto, 16, .colors8),
        (.colors8, 256, .colors8), (.colors256, 8, .colors256),
    ])
    func theSettingAndTheTerminalMakeOnePalette(_ choice: ColorChoice, _ terminalColors: Int, _ palette: Palette) {
        #expect(choice.palette(terminalColors: terminalColors) == palette)
    }

    @Test func withNoTerminalAutoMeans256() {
        #expect(ColorChoice.auto.palette(terminalColors: nil) == .colors256)
        #expect(ColorChoice(rawValue: "8") == .colors8)
        #expect(Palette.colors8.colorCount == 8)
    }
}
