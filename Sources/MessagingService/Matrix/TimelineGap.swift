import MatrixClient

/// What a limited sync answer left out of one room: the events between the newest one the cache holds and
/// the first of the answer's timeline, fetched by paging back from the timeline's `prev_batch`.
struct TimelineGap: Sendable, Equatable {
    /// Oldest first, the order they are stored in.
    var events: [ClientEvent]
    /// Set when the bound was reached before the cache's newest event: the token paging stopped at. What the
    /// cache held is then older than a part nobody fetched, so the room's cache starts again from the gap and
    /// older history is paged back from this token, as for a room joined anew.
    var unfilledFrom: String?
}

/// Fills the gaps of limited sync answers, so that catching up after being away shows every message, in
/// order, none twice. Bounded: at most `maximumEvents` per room and answer, in pages of `pageSize`.
struct GapFiller: Sendable {
    let client: MatrixClient
    let cache: MatrixCache
    var maximumEvents: Int
    var pageSize = 100

    /// The gap of each room whose timeline in `response` is limited and whose cache already holds messages (a
    /// room seen for the first time has no gap: its history is paged back from `prev_batch` when asked for).
    func gaps(in response: SyncResponse, account: String) async throws -> [String: TimelineGap] {
        var gaps: [String: TimelineGap] = [:]
        for (room, joined) in response.rooms.join where joined.timeline.limited {
            guard let token = joined.timeline.prevBatch, try cache.hasMessages(in: room, account: account) else {
                continue
            }
            gaps[room] = try await gap(in: room, before: token, account: account)
        }
        return gaps
    }

    /// Pages back from `token` until an event the cache holds, the room's first event, or the bound.
    func gap(in room: String, before token: String, account: String) async throws -> TimelineGap {
        var newestFirst: [ClientEvent] = []
        var from = token
        while newestFirst.count < maximumEvents {
            let page = try await client.messages(
                in: room, from: from, limit: min(pageSize, maximumEvents - newestFirst.count))
            let known = try cache.knownEvents(page.chunk.compactMap(\.eventID), account: account)
            if let meeting = page.chunk.firstIndex(where: { $0.eventID.map(known.contains) == true }) {
                newestFirst += page.chunk[..<meeting]
                return TimelineGap(events: newestFirst.reversed())
            }
            newestFirst += page.chunk
            guard let end = page.end, !page.chunk.isEmpty else { return TimelineGap(events: newestFirst.reversed()) }
            from = end
        }
        return TimelineGap(events: newestFirst.reversed(), unfilledFrom: from)
    }
}
