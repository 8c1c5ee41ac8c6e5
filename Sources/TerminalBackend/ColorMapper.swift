import ParleyContracts

/// Maps Parley's colours onto what the terminal has: 256 colours, or the basic 8.
///
/// `-1` is the terminal's own default colour. A 24-bit colour goes to the nearest entry of the 6x6x6 cube
/// or the grey ramp on a 256-colour terminal, and to the nearest basic colour on an 8-colour one.
public struct ColorMapper: Sendable, Equatable {
    /// How many colours the terminal (or the user's setting) allows: 256, 16, 8, or 0 for none.
    public let colorCount: Int

    public init(colorCount: Int) { self.colorCount = colorCount }

    public func index(of color: TerminalColor) -> Int {
        guard colorCount >= 8 else { return -1 }
        switch color {
        case .default:
            return -1
        case let .indexed(value):
            return Int(value) < colorCount ? Int(value) : basic(for: Self.rgb(ofIndexed: value))
        case let .rgb(red, green, blue):
            return colorCount >= 256 ? Self.cubeIndex(red, green, blue) : basic(for: (red, green, blue))
        }
    }

    /// The nearest of the basic eight colours (bright ones too when the terminal has 16).
    private func basic(for color: (UInt8, UInt8, UInt8)) -> Int {
        let candidates = colorCount >= 16 ? 16 : 8
        var best = 0
        var bestDistance = Int.max
        for index in 0..<candidates {
            let distance = Self.distance(color, Self.basicRGB[index])
            if distance < bestDistance { (best, bestDistance) = (index, distance) }
        }
        return best
    }

    static let basicRGB: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
        (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
        (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    private static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    static func cubeIndex(_ red: UInt8, _ green: UInt8, _ blue: UInt8) -> Int {
        func level(_ value: UInt8) -> Int {
            cubeLevels.indices.min { abs(cubeLevels[$0] - Int(value)) < abs(cubeLevels[$1] - Int(value)) }!
        }
        let (r, g, b) = (level(red), level(green), level(blue))
        let cube = (cubeLevels[r], cubeLevels[g], cubeLevels[b])
        let gray = min(23, max(0, ((Int(red) + Int(green) + Int(blue)) / 3 - 8 + 5) / 10))
        let grayValue = 8 + gray * 10
        let cubeDistance = distance((red, green, blue), (UInt8(cube.0), UInt8(cube.1), UInt8(cube.2)))
        let grayDistance = distance((red, green, blue), (UInt8(grayValue), UInt8(grayValue), UInt8(grayValue)))
        return grayDistance < cubeDistance ? 232 + gray : 16 + 36 * r + 6 * g + b
    }

    /// The colour an xterm shows for index `value`.
    static func rgb(ofIndexed value: UInt8) -> (UInt8, UInt8, UInt8) {
        switch value {
        case 0..<16: return basicRGB[Int(value)]
        case 16..<232:
            let offset = Int(value) - 16
            return (
                UInt8(cubeLevels[offset / 36]), UInt8(cubeLevels[(offset / 6) % 6]), UInt8(cubeLevels[offset % 6])
            )
        default:
            let gray = UInt8(8 + (Int(value) - 232) * 10)
            return (gray, gray, gray)
        }
    }

    private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let (dr, dg, db) = (Int(a.0) - Int(b.0), Int(a.1) - Int(b.1), Int(a.2) - Int(b.2))
        return dr * dr + dg * dg + db * db
    }
}
