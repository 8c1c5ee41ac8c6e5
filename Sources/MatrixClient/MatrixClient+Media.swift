import AsyncHTTPClient
import Foundation
import NIOCore

/// The media repository: upload from a file, authenticated download and thumbnails into a file.
extension MatrixClient {
    /// Uploads a file, streamed from disk with progress, and returns its `mxc://` URI.
    public func upload(
        file: URL, filename: String? = nil, contentType: String = "application/octet-stream",
        progress: TransferProgress? = nil
    ) async throws -> MediaURI {
        let size = try Self.fileSize(file)
        let name = filename ?? file.lastPathComponent
        var endpoint = Endpoint(
            .POST, "/_matrix/media/v3/upload", query: [("filename", name)], name: "POST /_matrix/media/v3/upload",
            measured: false)
        endpoint.contentType = contentType
        let reply = try await perform(endpoint, timeout: .seconds(3600)) {
            .stream(FileChunks(url: file, total: size, chunkSize: 256 * 1024, progress: progress), length: .known(size))
        }
        struct Reply: Decodable {
            var contentURI: String
            enum CodingKeys: String, CodingKey { case contentURI = "content_uri" }
        }
        let decoded: Reply = try decodeSuccess(reply, for: endpoint)
        guard let uri = MediaURI(decoded.contentURI) else {
            throw recorded(
                .undecodableReply(endpoint: endpoint.name, detail: "\(decoded.contentURI) is not an mxc URI"))
        }
        return uri
    }

    /// Downloads a file through the authenticated media endpoint into `destination`, streamed with progress;
    /// returns the number of bytes written. The file appears whole or not at all.
    @discardableResult
    public func download(_ uri: MediaURI, to destination: URL, progress: TransferProgress? = nil) async throws -> Int64
    {
        let path = "/_matrix/client/v1/media/download/\(Self.segment(uri.server))/\(Self.segment(uri.mediaID))"
        let endpoint = Endpoint(.GET, path, name: "GET /_matrix/client/v1/media/download", measured: false)
        return try await fetchMedia(endpoint, to: destination, progress: progress)
    }

    /// Downloads a thumbnail of at most `width`×`height` (the server never upscales) into `destination`.
    @discardableResult
    public func thumbnail(
        _ uri: MediaURI, width: Int, height: Int, method: ThumbnailMethod = .scale, to destination: URL
    ) async throws -> Int64 {
        let path = "/_matrix/client/v1/media/thumbnail/\(Self.segment(uri.server))/\(Self.segment(uri.mediaID))"
        let query = [("width", String(width)), ("height", String(height)), ("method", method.rawValue)]
        let endpoint = Endpoint(
            .GET, path, query: query, name: "GET /_matrix/client/v1/media/thumbnail", measured: false)
        return try await fetchMedia(endpoint, to: destination, progress: nil)
    }

    /// Streams a media answer into a temporary file beside `destination`, then moves it into place.
    private func fetchMedia(_ endpoint: Endpoint, to destination: URL, progress: TransferProgress?) async throws
        -> Int64
    {
        var attempt = 0
        while true {
            let request = try makeRequest(endpoint, body: nil)
            let response: HTTPClientResponse
            do {
                response = try await http.execute(request, timeout: .seconds(3600))
            } catch {
                throw transportError(error)
            }
            let status = Int(response.status.code)
            if (200..<300).contains(status) {
                recorder.recordResponse(latency: .zero, measured: false)
                return try await write(response, to: destination, progress: progress)
            }
            let body = Data((try? await response.body.collect(upTo: 1024 * 1024))?.readableBytesView ?? .init())
            recorder.recordResponse(latency: .zero, measured: false)
            let failure = error(from: RawReply(status: status, body: body), for: endpoint)
            guard case let .rateLimited(_, milliseconds) = failure, attempt < rateLimitRetries else {
                throw recorded(failure)
            }
            attempt += 1
            recorder.recordRateLimit(retryAfter: .milliseconds(milliseconds))
            try await Task.sleep(for: .milliseconds(min(max(milliseconds, 100), 60_000) + 10))
        }
    }

    private func write(_ response: HTTPClientResponse, to destination: URL, progress: TransferProgress?) async throws
        -> Int64
    {
        let total = response.headers.first(name: "Content-Length").flatMap { Int64($0) }
        let partial = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString.prefix(8)).part")
        guard FileManager.default.createFile(atPath: partial.path, contents: nil) else {
            throw recorded(.fileAccess(path: destination.path, reason: "its folder cannot be written to"))
        }
        defer { try? FileManager.default.removeItem(at: partial) }
        let handle = try FileHandle(forWritingTo: partial)
        var received: Int64 = 0
        do {
            for try await buffer in response.body {
                try handle.write(contentsOf: Data(buffer.readableBytesView))
                received += Int64(buffer.readableBytes)
                progress?(received, total)
            }
            try handle.close()
        } catch {
            try? handle.close()
            if let error = error as? CocoaError {
                throw recorded(.fileAccess(path: destination.path, reason: "\(error.code)"))
            }
            throw transportError(error)
        }
        do {
            if FileManager.default.fileExists(atPath: destination.path) {
                _ = try FileManager.default.replaceItemAt(destination, withItemAt: partial)
            } else {
                try FileManager.default.moveItem(at: partial, to: destination)
            }
        } catch {
            throw recorded(.fileAccess(path: destination.path, reason: "the download could not be moved into place"))
        }
        return received
    }

    static func fileSize(_ file: URL) throws -> Int64 {
        guard FileManager.default.isReadableFile(atPath: file.path),
            let attributes = try? FileManager.default.attributesOfItem(atPath: file.path),
            let size = attributes[.size] as? NSNumber
        else {
            throw MatrixError.fileAccess(path: file.path, reason: "it cannot be read")
        }
        return size.int64Value
    }
}
