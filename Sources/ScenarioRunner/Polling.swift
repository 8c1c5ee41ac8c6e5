/// Checks `isDone` every `interval` until it holds or `limit` has passed; returns whether it held. How every
/// wait of the runner is made: on a condition, with a bound, never a bare sleep.
func poll(
    for limit: Duration, every interval: Duration = .milliseconds(2), until isDone: () async -> Bool
) async -> Bool {
    let deadline = ContinuousClock.now + limit
    while true {
        if await isDone() { return true }
        if ContinuousClock.now >= deadline { return false }
        try? await Task.sleep(for: interval)
    }
}
