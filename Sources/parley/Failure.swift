import ArgumentParser
import Foundation

/// Runs `body`; a failure is printed as its one sentence on standard error and exits with status 1.
func reportingFailure<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch {
        FileHandle.standardError.write(Data("parley: \(error)\n".utf8))
        throw ExitCode.failure
    }
}
