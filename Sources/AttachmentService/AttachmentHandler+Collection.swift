import Foundation
import ParleyContracts

/// Garbage collection: a blob goes once no message carries it and no import of it waits to be sent.
extension AttachmentHandler {
    /// Removes the attachments nothing keeps, among `ids` or all of them; a full pass (`ids` nil) also
    /// removes blob files the database does not know, e.g. from a crash between a removal's two steps.
    /// Blocking: call it through `offload`.
    func collect(among ids: [String]?) throws -> GarbageReport {
        try blobs.exclusively {
            let candidates = try database.expireImports(now: settings.now(), among: ids)
            // Rows go first, and only files whose row went: a send recorded since keeps its blob.
            let forgotten = try database.forget(candidates.map(\.id))
            var report = GarbageReport.nothing
            for record in candidates where forgotten.contains(record.id) {
                report.bytes += blobs.size(of: record.id) ?? 0
                report.blobs += 1
                blobs.remove(record.id)
            }
            guard ids == nil else { return report }
            let known = try database.allIDs()
            for id in blobs.blobIDs() where !known.contains(id) {
                report.bytes += blobs.size(of: id) ?? 0
                report.blobs += 1
                blobs.remove(id)
            }
            return report
        }
    }
}
