import Foundation
import ParleyContracts

/// Where a save writes: the folder the user chose and a safe name in it.
///
/// The folder is the user's own choice and is taken as typed; the name may come from the sender, so it is
/// always made safe, even when the user typed one.
struct SaveDestination: Sendable, Equatable {
    let folder: String
    let name: String

    var path: String { folder == "/" ? "/" + name : folder + "/" + name }

    /// Resolves `typed` (a file path, or a folder to save into under the attachment's own name).
    static func resolve(_ typed: String, attachmentName: String) -> Result<SaveDestination, AttachmentError> {
        let expanded = Importer.expand(typed.isEmpty ? "." : typed)
        let ownName = SafeFileName.make(attachmentName)
        if case let .success(status) = FileSystem.status(of: expanded), status.isDirectory {
            return .success(SaveDestination(folder: expanded, name: ownName))
        }
        if typed.hasSuffix("/") { return .failure(.destinationFolderMissing(path: typed)) }
        let url = URL(fileURLWithPath: expanded)
        let folder = url.deletingLastPathComponent().path
        guard case let .success(status) = FileSystem.status(of: folder), status.isDirectory else {
            return .failure(.destinationFolderMissing(path: folder))
        }
        return .success(
            SaveDestination(folder: folder, name: SafeFileName.make(url.lastPathComponent, fallback: ownName)))
    }
}
