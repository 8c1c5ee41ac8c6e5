import ParleyContracts

/// What the account service accepts as names, passwords, display names and statuses.
enum AccountRules {
    static let nameLengths = 2...32
    static let minimumPasswordLength = 8
    static let maximumDisplayNameLength = 64
    static let maximumStatusLength = 200

    /// The canonical (lower-case) form of `typed`, or nil when it is not 2–32 characters of `a-z 0-9 _ -`
    /// (upper-case letters are accepted and folded, which is what makes names unique without regard to case).
    static func canonicalName(_ typed: String) -> String? {
        let bytes = Array(typed.utf8)
        guard nameLengths.contains(bytes.count) else { return nil }
        var folded: [UInt8] = []
        folded.reserveCapacity(bytes.count)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"),
                UInt8(ascii: "-"):
                folded.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                folded.append(byte + 32)
            default:
                return nil
            }
        }
        return String(decoding: folded, as: UTF8.self)
    }

    static func checkNewPassword(_ password: String) throws(AccountError) {
        guard password.count >= minimumPasswordLength else {
            throw .passwordTooShort(minimum: minimumPasswordLength)
        }
    }

    /// The display name as given: stored exactly as typed, since making text safe to show is the views' job.
    static func displayName(_ text: String) throws(AccountError) -> String {
        guard !text.allSatisfy(\.isWhitespace), text.count <= maximumDisplayNameLength else {
            throw .invalidDisplayName(maximum: maximumDisplayNameLength)
        }
        return text
    }

    /// The status as given; empty clears it.
    static func status(_ text: String) throws(AccountError) -> String {
        guard text.count <= maximumStatusLength else { throw .statusTooLong(maximum: maximumStatusLength) }
        return text
    }
}
