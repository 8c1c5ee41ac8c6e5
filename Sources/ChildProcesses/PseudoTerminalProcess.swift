import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Starts `executable` on a new `width`x`height` pseudo-terminal of its own, as a person's terminal runs it.
/// - Returns: the child's process id and the master side (non-blocking), which the caller reads the drawing
///   from, writes keys to, and closes.
public func spawnOnPseudoTerminal(
    _ executable: String, arguments: [String], environment: [String: String], width: Int, height: Int
) throws(SpawnError) -> (pid: pid_t, master: Int32) {
    var (master, slave): (Int32, Int32) = (0, 0)
    var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&master, &slave, nil, nil, &size) == 0 else {
        throw SpawnError(description: "cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
    }
    defer { close(slave) }
    let pid: pid_t
    do {
        pid = try spawn(
            executable, arguments: arguments, environment: environment,
            streams: .terminal(slave: slave, master: master))
    } catch {
        close(master)
        throw error
    }
    _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    return (pid, master)
}
