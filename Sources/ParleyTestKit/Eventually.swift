/// Waits until `condition` holds, checking often, for at most `timeout`; returns whether it came true.
///
/// Tests wait on conditions, never on fixed sleeps: the limit is generous because a loaded CI machine is
/// slow (with `make test`'s suites in parallel and the other core busy, a test can stand still for tens of
/// seconds), and a passing test returns as soon as the condition holds.
public func eventually(
    timeout: Duration = generousLimit, _ condition: @Sendable () async throws -> Bool
) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return try await condition()
}

/// The first element of `stream` that satisfies `predicate`, or nil if none comes within `timeout`.
public func firstElement<Element: Sendable>(
    of stream: AsyncStream<Element>, within timeout: Duration = generousLimit,
    where predicate: @escaping @Sendable (Element) -> Bool
) async -> Element? {
    await withTaskGroup(of: Element?.self) { group in
        group.addTask {
            for await element in stream where predicate(element) { return element }
            return nil
        }
        group.addTask {
            try? await Task.sleep(for: timeout)
            return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
    }
}

/// How long a test waits for something that comes at once on an idle machine.
public let generousLimit: Duration = .seconds(30)
