import Testing

/// Every test against the homeserver, one at a time: each registers users, syncs and polls, and together
/// they would load a busy machine enough to push unrelated tests past their deadlines.
@Suite(.serialized) enum MatrixBackendSuites {}
