/// A fault the chaos puts into an app instance's services, the way a person at its keyboard would: the
/// `/service` command, or the debug panel's keys (F12 opens it, Up/Down pick a service, `c` crashes it, `f`
/// makes it fail every request, `0` clears).
enum SoakFault: CaseIterable {
    case restartMessaging
    case stopMessagingForAWhile
    case crashMessaging
    case failMessagingForAWhile
    case restartAccount
    case crashAttachment

    /// The panel lists account, messaging, attachment, media, camera; Up four times reaches the first.
    private static func panel(_ service: Int, _ key: String) -> [String] {
        ["press F12"] + Array(repeating: "press Up", count: 4) + Array(repeating: "press Down", count: service)
            + ["press \(key)", "press F12"]
    }

    /// The script lines that start the fault.
    var start: [String] {
        switch self {
        case .restartMessaging: ["send /service restart messaging"]
        case .stopMessagingForAWhile: ["send /service stop messaging"]
        case .crashMessaging: Self.panel(1, "c")
        case .failMessagingForAWhile: Self.panel(1, "f")
        case .restartAccount: ["send /service restart account"]
        case .crashAttachment: Self.panel(2, "c")
        }
    }

    /// The lines that end it, some messages later; none for a fault that ends by itself.
    var end: [String] {
        switch self {
        case .stopMessagingForAWhile: ["send /service start messaging"]
        case .failMessagingForAWhile: Self.panel(1, "0")
        default: []
        }
    }
}

/// The soak's own random numbers (SplitMix64), from a seed it prints, so a failing run can be run again.
struct SoakRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
