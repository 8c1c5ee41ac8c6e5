/// How far one member has read a room: the newest message they had on screen when they last read it. Others
/// see it on their own messages (`✓✓`, or the reader's name); a member who turned receipts off sends none.
public struct ReadReceipt: Sendable, Hashable, Codable {
    /// The reader's canonical name.
    public var user: String
    /// The newest message they have read.
    public var message: MessageID
    /// That message's `sequence`: every message of the room at or below it counts as read.
    public var sequence: Int64

    public init(user: String, message: MessageID, sequence: Int64) {
        self.user = user
        self.message = message
        self.sequence = sequence
    }

    /// `receipts` with `newer` merged in, one per user, each only ever moving forward: a late event never takes
    /// a receipt back.
    public static func merged(_ receipts: [String: ReadReceipt], with newer: [ReadReceipt]) -> [String: ReadReceipt] {
        var receipts = receipts
        for receipt in newer where receipt.sequence > receipts[receipt.user]?.sequence ?? .min {
            receipts[receipt.user] = receipt
        }
        return receipts
    }
}
