import Synchronization

/// What the service did with previews, readable from outside while it runs: by the debug panel, and by
/// tests that check a preview came from the cache without timing it.
public final class MediaCounters: Sendable {
    private let rendered = Atomic<Int>(0)
    private let hits = Atomic<Int>(0)

    public init() {}

    /// Previews decoded and rendered from the file.
    public var previewsRendered: Int { rendered.load(ordering: .relaxed) }
    /// Previews answered from the cache.
    public var cacheHits: Int { hits.load(ordering: .relaxed) }

    func recordRender() { rendered.add(1, ordering: .relaxed) }
    func recordCacheHit() { hits.add(1, ordering: .relaxed) }
}
