import ParleyContracts
import ParleyCore
import ServiceRuntime
import Testing

struct AppUpdateTests {
    /// A state with the debug panel open, where the panel's keys apply.
    static func state() -> AppState {
        var state = AppState(
            width: 100, height: 30,
            services: [
                ServiceStatus(name: "account", state: .running), ServiceStatus(name: "messaging", state: .stopped),
            ])
        state.isDebugPanelOpen = true
        return state
    }

    @Test func f12OpensAndClosesThePanelAndEscClosesIt() {
        var state = Self.state()
        _ = update(&state, .input(.key(.function(12))))
        #expect(!state.isDebugPanelOpen)
        _ = update(&state, .input(.key(.function(12))))
        #expect(state.isDebugPanelOpen)
        _ = update(&state, .input(.key(.escape)))
        #expect(!state.isDebugPanelOpen)
    }

    @Test func outsideThePanelKeysAreTypedNotActedOn() {
        var state = Self.state()
        state.isDebugPanelOpen = false
        #expect(update(&state, .input(.key(.character(" ")))) == [])
        #expect(update(&state, .input(.key(.character("q")))) == [])
        #expect(state.input.text == " q")
        #expect(!state.isQuitting)
    }

    @Test func upAndDownPickAServiceWithinTheList() {
        var state = Self.state()
        for key in [Key.down, .down, .down] { _ = update(&state, .input(.key(key))) }
        #expect(state.selectedService == 1)
        _ = update(&state, .input(.key(.up)))
        _ = update(&state, .input(.key(.up)))
        #expect(state.selectedService == 0)
    }

    @Test func spaceStopsARunningServiceAndStartsAStoppedOne() {
        var state = Self.state()
        #expect(update(&state, .input(.key(.character(" ")))) == [.control(service: .account, action: .stop)])
        #expect(state.notice == "account: stopping…")
        _ = update(&state, .input(.key(.down)))
        #expect(update(&state, .input(.key(.character(" ")))) == [.control(service: .messaging, action: .start)])
    }

    @Test func rRestartsTheSelectedService() {
        var state = Self.state()
        #expect(update(&state, .input(.key(.character("r")))) == [.control(service: .account, action: .restart)])
    }

    @Test(arguments: [Key.character("q"), .control("c"), .control("q")])
    func quitting(key: Key) {
        var state = Self.state()
        #expect(update(&state, .input(.key(key))) == [.quit])
        #expect(state.isQuitting)
    }

    @Test func aStatusUpdateReplacesThatServicesRowOnly() {
        var state = Self.state()
        _ = update(&state, .serviceStatus(ServiceStatus(name: "messaging", state: .crashed, restarts: 1)))
        #expect(state.services.map(\.state) == [.running, .crashed])
        _ = update(&state, .serviceStatus(ServiceStatus(name: "unknown", state: .running)))
        #expect(state.services.count == 2)
    }

    @Test func aResizeIsRemembered() {
        var state = Self.state()
        _ = update(&state, .input(.resize(width: 80, height: 24)))
        #expect(state.width == 80 && state.height == 24)
    }
}
