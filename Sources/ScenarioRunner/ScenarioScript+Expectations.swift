import ParleyContracts
import ServiceRuntime

/// `expect screen contains TEXT`, `expect screen lacks TEXT`, `expect service NAME STATE`, `expect outbox N`,
/// `expect bells N`.
extension ScenarioScript {
    private static let expectations =
        "write expect screen contains TEXT, expect screen lacks TEXT, expect service NAME STATE, expect outbox N "
        + "or expect bells N"

    /// The services an app instance hosts, by the names their hosts report.
    private static let services = ServiceName.all.map(\.rawValue)

    static func expectation(in line: inout ScenarioLine) throws(ScenarioLineError) -> Directive {
        switch line.word() {
        case "screen":
            return try screen(in: &line)
        case "service":
            let directive = try service(name: line.word(), state: line.word())
            try line.finish("expect service takes a NAME and a STATE")
            return directive
        case "outbox":
            return .expectOutbox(try count(in: &line, for: "outbox", counting: "the number of undelivered items"))
        case "bells":
            return .expectBells(try count(in: &line, for: "bells", counting: "how often the bell has rung"))
        case let word?:
            throw ScenarioLineError(reason: "unknown expectation \(ScenarioText.quoted(word)); \(expectations)")
        case nil:
            throw ScenarioLineError(reason: "expect needs something to expect; \(expectations)")
        }
    }

    /// The N of `expect outbox N` and `expect bells N`.
    private static func count(in line: inout ScenarioLine, for name: String, counting: String)
        throws(ScenarioLineError) -> Int
    {
        guard let word = line.word() else {
            throw ScenarioLineError(reason: "expect \(name) needs N, \(counting)")
        }
        guard word.isASCIIDigits, let count = Int(word) else {
            throw ScenarioLineError(
                reason: "\(ScenarioText.quoted(word)) is not a count; expect \(name) takes a whole number, 0 or more")
        }
        try line.finish("expect \(name) takes one N")
        return count
    }

    private static func screen(in line: inout ScenarioLine) throws(ScenarioLineError) -> Directive {
        let usage = "write expect screen contains TEXT or expect screen lacks TEXT"
        switch line.word() {
        case "contains":
            return .expectScreenContains(try requiredText(line.text(), for: "expect screen contains"))
        case "lacks":
            return .expectScreenLacks(try requiredText(line.text(), for: "expect screen lacks"))
        case let word?:
            throw ScenarioLineError(reason: "unknown screen expectation \(ScenarioText.quoted(word)); \(usage)")
        case nil:
            throw ScenarioLineError(reason: "expect screen needs contains or lacks; \(usage)")
        }
    }

    private static func service(name: String?, state: String?) throws(ScenarioLineError) -> Directive {
        let knownServices = "the services are \(services.joined(separator: ", "))"
        let knownStates = "the states are \(ServiceState.allCases.map(\.rawValue).joined(separator: ", "))"
        guard let name else {
            throw ScenarioLineError(reason: "expect service needs a NAME and a STATE; \(knownServices)")
        }
        guard services.contains(name) else {
            throw ScenarioLineError(reason: "\(ScenarioText.quoted(name)) is not a service; \(knownServices)")
        }
        guard let state else {
            throw ScenarioLineError(reason: "expect service \(name) needs a STATE; \(knownStates)")
        }
        guard let serviceState = ServiceState(rawValue: state) else {
            throw ScenarioLineError(reason: "\(ScenarioText.quoted(state)) is not a service state; \(knownStates)")
        }
        return .expectService(name: name, state: serviceState)
    }
}
