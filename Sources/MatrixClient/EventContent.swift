/// `m.room.message` content: text, notices, emotes and files, with edits and replies.
public struct RoomMessageContent: Sendable, Hashable, Codable {
    public var msgtype: String
    public var body: String
    /// For `m.image`, `m.file`, `m.audio`, `m.video`: the `mxc://` URI of the unencrypted file.
    public var url: String?
    public var info: MediaInfo?
    /// The name of a file, when it differs from `body` (which is then a caption).
    public var filename: String?
    public var relatesTo: Relation?
    /// For an edit (`m.replace`): the message's content after the edit.
    public var newContent: ReplacementContent?
    /// Whom the message means to notify, when it names anyone by user id.
    public var mentions: Mentions?

    public init(
        msgtype: String = "m.text", body: String, url: String? = nil, info: MediaInfo? = nil,
        filename: String? = nil, relatesTo: Relation? = nil, newContent: ReplacementContent? = nil,
        mentions: Mentions? = nil
    ) {
        self.msgtype = msgtype
        self.body = body
        self.url = url
        self.info = info
        self.filename = filename
        self.relatesTo = relatesTo
        self.newContent = newContent
        self.mentions = mentions
    }

    /// A plain text message, mentioning the users it names by id.
    public static func text(_ body: String) -> Self { Self(body: body, mentions: .written(in: body)) }

    /// An edit of `eventID`: clients that know edits show `newBody`; others show "* newBody".
    public static func edit(of eventID: String, newBody: String) -> Self {
        Self(
            body: "* \(newBody)", relatesTo: Relation(relationType: "m.replace", eventID: eventID),
            newContent: ReplacementContent(body: newBody))
    }

    /// A text reply to `eventID`.
    public static func reply(to eventID: String, body: String) -> Self {
        Self(body: body, relatesTo: Relation(inReplyTo: eventID), mentions: .written(in: body))
    }

    /// A file already uploaded to `uri` (msgtype `m.file`, `m.image`, `m.audio` or `m.video`).
    public static func file(
        msgtype: String = "m.file", name: String, uri: String, mimeType: String?, size: Int64?
    ) -> Self {
        Self(msgtype: msgtype, body: name, url: uri, info: MediaInfo(mimeType: mimeType, size: size), filename: name)
    }

    /// Only `msgtype` and `body` must be there: a sender's malformed `info` or relation leaves the message
    /// readable as text instead of unknown.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        msgtype = try container.decode(String.self, forKey: .msgtype)
        body = try container.decode(String.self, forKey: .body)
        url = try? container.decodeIfPresent(String.self, forKey: .url)
        info = try? container.decodeIfPresent(MediaInfo.self, forKey: .info)
        filename = try? container.decodeIfPresent(String.self, forKey: .filename)
        relatesTo = try? container.decodeIfPresent(Relation.self, forKey: .relatesTo)
        newContent = try? container.decodeIfPresent(ReplacementContent.self, forKey: .newContent)
        mentions = try? container.decodeIfPresent(Mentions.self, forKey: .mentions)
    }

    enum CodingKeys: String, CodingKey {
        case msgtype, body, url, info, filename
        case relatesTo = "m.relates_to"
        case newContent = "m.new_content"
        case mentions = "m.mentions"
    }
}

/// The content an edit puts in place (`m.new_content`).
public struct ReplacementContent: Sendable, Hashable, Codable {
    public var msgtype: String
    public var body: String
    public var url: String?
    public var info: MediaInfo?

    public init(msgtype: String = "m.text", body: String, url: String? = nil, info: MediaInfo? = nil) {
        self.msgtype = msgtype
        self.body = body
        self.url = url
        self.info = info
    }
}

/// `m.relates_to`: an edit or other relation (`rel_type` + `event_id`) and/or a reply (`m.in_reply_to`).
public struct Relation: Sendable, Hashable, Codable {
    public var relationType: String?
    public var eventID: String?
    public var inReplyTo: InReplyTo?

    public init(relationType: String? = nil, eventID: String? = nil, inReplyTo: String? = nil) {
        self.relationType = relationType
        self.eventID = eventID
        self.inReplyTo = inReplyTo.map(InReplyTo.init(eventID:))
    }

    /// The event an edit replaces, when this is one.
    public var replacedEventID: String? { relationType == "m.replace" ? eventID : nil }

    public struct InReplyTo: Sendable, Hashable, Codable {
        public var eventID: String
        enum CodingKeys: String, CodingKey { case eventID = "event_id" }
    }

    enum CodingKeys: String, CodingKey {
        case relationType = "rel_type"
        case eventID = "event_id"
        case inReplyTo = "m.in_reply_to"
    }
}

/// A file's `info`: type, size, picture size and play time.
public struct MediaInfo: Sendable, Hashable, Codable {
    public var mimeType: String?
    public var size: Int64?
    public var width: Int?
    public var height: Int?
    /// Milliseconds, for audio and video.
    public var duration: Int?

    public init(
        mimeType: String? = nil, size: Int64? = nil, width: Int? = nil, height: Int? = nil, duration: Int? = nil
    ) {
        self.mimeType = mimeType
        self.size = size
        self.width = width
        self.height = height
        self.duration = duration
    }

    enum CodingKeys: String, CodingKey {
        case size, duration
        case mimeType = "mimetype"
        case width = "w"
        case height = "h"
    }
}

/// `m.room.member` content.
public struct MemberContent: Sendable, Hashable, Codable {
    /// `join`, `invite`, `leave`, `ban` or `knock`.
    public var membership: String
    public var displayName: String?
    public var avatarURL: String?
    public var isDirect: Bool?

    enum CodingKeys: String, CodingKey {
        case membership
        case displayName = "displayname"
        case avatarURL = "avatar_url"
        case isDirect = "is_direct"
    }
}

/// `m.room.encrypted` content, enough to say what it is without decrypting it.
public struct EncryptedContent: Sendable, Hashable, Codable {
    public var algorithm: String?
    public var sessionID: String?

    enum CodingKeys: String, CodingKey {
        case algorithm
        case sessionID = "session_id"
    }
}

/// `m.room.canonical_alias` content.
public struct CanonicalAliasContent: Sendable, Hashable, Codable {
    public var alias: String?
    public var altAliases: [String]?

    enum CodingKeys: String, CodingKey {
        case alias
        case altAliases = "alt_aliases"
    }
}
