import Foundation
import ParleyContracts
import ParleyStorage

/// Which blob of the local store holds each `mxc://` URI, with the name, size and type it was sent with:
/// one small JSON file per URI under `matrix-media/`. An `mxc://` URI never changes content, so a file once
/// downloaded is never fetched again.
struct MediaIndex: Sendable {
    /// What is known of one media file.
    struct Entry: Codable, Sendable, Equatable {
        /// The blob's SHA-256, its name in the local store.
        var blob: String
        var name: String
        var size: Int64
        var mediaType: String
    }

    let folder: URL

    init(directory: DataDirectory) throws(StorageError) {
        folder = try directory.prepare(subdirectory: "matrix-media")
    }

    func entry(for uri: String) -> Entry? {
        guard let data = try? Data(contentsOf: file(for: uri)) else { return nil }
        return try? JSONDecoder().decode(Entry.self, from: data)
    }

    func record(_ entry: Entry, for uri: String) throws(AttachmentError) {
        let target = file(for: uri)
        let draft = folder.appendingPathComponent(".\(UUID().uuidString).part")
        do {
            guard try PrivateFile.createExclusively(draft, contents: try JSONEncoder().encode(entry)) else {
                throw AttachmentError.cannotStore(path: draft.path, reason: "a file of that name is there")
            }
        } catch let error as AttachmentError {
            throw error
        } catch {
            throw .cannotStore(path: target.path, reason: String(describing: error))
        }
        guard rename(draft.path, target.path) == 0 else {
            try? FileManager.default.removeItem(at: draft)
            throw .cannotStore(path: target.path, reason: String(cString: strerror(errno)))
        }
    }

    /// `mxc://server/id` as a file name: every character but letters, digits, `.` and `-` made `_`.
    private func file(for uri: String) -> URL {
        let bare = uri.hasPrefix("mxc://") ? String(uri.dropFirst(6)) : uri
        let safe = String(bare.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") ? $0 : "_" })
        return folder.appendingPathComponent(safe + ".json")
    }
}
