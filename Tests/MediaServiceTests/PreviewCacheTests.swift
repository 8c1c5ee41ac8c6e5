import Foundation
import MediaService
import ParleyContracts
import ParleyTestKit
import Testing

/// Previews are cached by content hash, box and palette; the counters say which came from the cache.
@Suite(.timeLimit(.minutes(1)))
struct PreviewCacheTests {
    @Test func aSecondRequestIsServedFromTheCache() async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        TestImages.writePNG(media.file("a.png"), width: 16, height: 16, color: (1, 2, 3))
        let path = media.file("a.png").path

        let first = try await media.preview(path, hash: "sha-a")
        let second = try await media.preview(path, hash: "sha-a")

        #expect(first == second)
        #expect(media.counters.previewsRendered == 1 && media.counters.cacheHits == 1)
    }

    @Test func theCacheIsKeyedByHashBoxAndPalette() async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        TestImages.writePNG(media.file("a.png"), width: 16, height: 16, color: (1, 2, 3))
        let path = media.file("a.png").path

        _ = try await media.preview(path, hash: "sha-a", width: 20, height: 10, palette: .truecolor)
        _ = try await media.preview(path, hash: "sha-b", width: 20, height: 10, palette: .truecolor)
        _ = try await media.preview(path, hash: "sha-a", width: 30, height: 10, palette: .truecolor)
        _ = try await media.preview(path, hash: "sha-a", width: 20, height: 10, palette: .colors8)

        #expect(media.counters.previewsRendered == 4 && media.counters.cacheHits == 0)
    }

    @Test func theLeastRecentlyUsedPreviewIsEvicted() async throws {
        let media = await MediaTestHost(limits: MediaLimits(cachedPreviews: 2))
        defer { media.finish() }
        TestImages.writePNG(media.file("a.png"), width: 16, height: 16, color: (1, 2, 3))
        let path = media.file("a.png").path

        // Given a cache of two holding "one" and "two", with "one" used last
        _ = try await media.preview(path, hash: "one")
        _ = try await media.preview(path, hash: "two")
        _ = try await media.preview(path, hash: "one")
        // When a third comes in, "two" goes
        _ = try await media.preview(path, hash: "three")
        _ = try await media.preview(path, hash: "one")
        _ = try await media.preview(path, hash: "two")

        #expect(media.counters.cacheHits == 2 && media.counters.previewsRendered == 4)
    }

    @Test func refusalsAreNotCached() async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        let path = try media.write("later.png", [])
        #expect(
            await media.refusal(.preview(path: path, contentHash: "later", width: 20, height: 10, palette: .truecolor))
                == .emptyFile(path: path))

        TestImages.writePNG(media.file("later.png"), width: 8, height: 8, color: (9, 9, 9))
        _ = try await media.preview(path, hash: "later")

        #expect(media.counters.previewsRendered == 1)
    }
}
