import Foundation

/// One app instance of a lane, as a scenario script: sign in, then send messages one by one with faults
/// among them. After each message (and each fault) a snapshot is written: the sender's log. A snapshot exists
/// only once the app has handled the Enter and the message is in the outbox or stored (the runner waits for
/// that before the next line), and it shows the screen the sender saw.
struct SegmentScript {
    let lane: String
    let user: String
    let segment: Int
    let messages: [SoakMessage]
    /// The snapshot names of the faults started, in order.
    private(set) var faultNames: [String] = []
    private(set) var text = ""

    init(lane: String, user: String, segment: Int, numbers: Range<Int>, random: inout SoakRandom) {
        self.lane = lane
        self.user = user
        self.segment = segment
        messages = numbers.map { SoakMessage(lane: lane, segment: segment, number: $0) }
        var lines = [
            "size 100x30", "timeout 60s", "user \(user)", "send /login \(user) \(Self.password(of: user))",
            "expect screen contains #general", "snapshot \(prefix)-ready",
        ]
        var ending: (at: Int, lines: [String])?
        var nextFault = Int.random(in: 3...25, using: &random)
        for (index, message) in messages.enumerated() {
            if let pending = ending, pending.at == index {
                lines += pending.lines
                ending = nil
            }
            if index == nextFault, ending == nil {
                let fault = SoakFault.allCases.randomElement(using: &random) ?? .restartMessaging
                let name = "\(prefix)-f\(faultNames.count)"
                faultNames.append(name)
                lines += fault.start + ["snapshot \(name)"]
                if !fault.end.isEmpty { ending = (index + Int.random(in: 2...12, using: &random), fault.end) }
                nextFault = index + Int.random(in: 5...40, using: &random)
            }
            lines += ["send \(message.text)", "snapshot \(Self.snapshotName(of: message))"]
        }
        text = (lines + (ending?.lines ?? [])).joined(separator: "\n") + "\n"
    }

    private var prefix: String { "\(lane)-s\(segment)" }

    static func snapshotName(of message: SoakMessage) -> String { message.text }

    static func password(of user: String) -> String { "password-of-\(user)" }
}
