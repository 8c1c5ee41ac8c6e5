import ParleyContracts

/// The previews rendered lately, by content, box and palette; bounded by entries, least recently used out.
///
/// Keyed by the content hash rather than the path, so the same picture sent twice is rendered once, and a
/// path whose content changed is never served a stale preview.
struct PreviewCache {
    struct Key: Hashable {
        var contentHash: String
        var width: Int
        var height: Int
        var palette: Palette
    }

    private struct Entry {
        var preview: Preview
        var lastUse: UInt64
    }

    let capacity: Int
    private var entries: [Key: Entry] = [:]
    /// A use counter rather than a clock: only the order of uses matters.
    private var uses: UInt64 = 0

    init(capacity: Int) { self.capacity = max(0, capacity) }

    var count: Int { entries.count }

    mutating func lookup(_ key: Key) -> Preview? {
        guard var entry = entries[key] else { return nil }
        uses += 1
        entry.lastUse = uses
        entries[key] = entry
        return entry.preview
    }

    mutating func insert(_ preview: Preview, for key: Key) {
        guard capacity > 0 else { return }
        if entries[key] == nil, entries.count >= capacity,
            let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse })?.key
        {
            // A linear scan: the cache holds tens of entries, and evicting is rare next to rendering.
            entries[oldest] = nil
        }
        uses += 1
        entries[key] = Entry(preview: preview, lastUse: uses)
    }
}
