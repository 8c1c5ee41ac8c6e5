import Crypto
import Foundation
import ParleyStorage

/// The HMAC key that signs session tokens, generated once into the data directory (mode 0600) and shared by
/// every process and service using that directory, so any of them can verify a token on its own.
public enum SessionKey {
    public static let fileName = "session.key"

    /// Loads the key, creating it first if this is the first process to need it.
    public static func loadOrCreate(in directory: DataDirectory) throws(StorageError) -> SymmetricKey {
        try directory.prepare()
        let url = directory.file(fileName)
        let fresh = SymmetricKey(size: .bits256)
        let created = try PrivateFile.createExclusively(url, contents: fresh.withUnsafeBytes { Data($0) })
        if created { return fresh }
        // Another process created it first: read theirs. It may still be being written, so retry briefly.
        for _ in 0..<50 {
            if let data = try? Data(contentsOf: url), data.count == 32 { return SymmetricKey(data: data) }
            usleep(10_000)
        }
        throw .corrupt(path: url.path)
    }
}
