# Parley: `make run` builds and starts the app; `make test` builds and runs every test.
# Both install the Debian packages they need first (they run as root; apt-get install -y).
# `make test` runs the tests beside a throwaway Synapse on 127.0.0.1 (scripts/homeserver; installed once into
# .build/synapse-venv from PyPI).

SWIFT ?= swift
DEBIAN_PACKAGES := libncurses-dev libsqlite3-dev tmux libchafa-dev libglib2.0-dev libstb-dev libjpeg-dev libsndfile1-dev libavdevice-dev libavformat-dev libavcodec-dev libswscale-dev libavutil-dev pkg-config libssl-dev
# A package is present when dpkg says "install ok installed".
MISSING = $(shell for p in $(DEBIAN_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done)
BENCH ?=
# The terminal benchmarks measure irssi and WeeChat beside Parley, in the same run: installed for them only.
BENCH_PACKAGES := irssi weechat-curses
BENCH_MISSING = $(shell for p in $(BENCH_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done)
# Every target may import only what it declares in Package.swift: the layers' rule, checked by the compiler.
BUILD_FLAGS := --explicit-target-dependency-import-check=error

.PHONY: deps build run test lint format bench soak clean

deps:
	@missing="$(MISSING)"; \
	if [ -n "$$missing" ]; then \
		echo "==> installing Debian packages: $$missing"; \
		(apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	else \
		echo "==> Debian packages present: $(DEBIAN_PACKAGES)"; \
	fi
	@# The test homeserver (scripts/homeserver) installs Synapse into a venv: Debian's python3 needs python3-venv.
	@python3 -c "import ensurepip, venv" >/dev/null 2>&1 || { \
		echo "==> installing python3-venv for the test homeserver"; \
		(apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv; \
	}

build: deps
	@echo "==> building"
	$(SWIFT) build $(BUILD_FLAGS)

run: build
	@echo "==> starting parley"
	$(SWIFT) run parley $(ARGS)

test: deps lint
	@echo "==> building and running every test"
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	scripts/homeserver run -- $(SWIFT) test --skip-build

lint:
	@echo "==> lint (swift format)"
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests Benchmarks

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests Benchmarks

bench: deps
	@echo "==> benchmarks (release build)"
	$(SWIFT) build -c release --product ParleyBenchmarks
	@# The decoders, which the app and the media and camera benchmarks load beside themselves on first use.
	$(SWIFT) build -c release --product ParleyMediaPlugin
	@# The terminal benchmarks run the release app itself, through a pseudo-terminal, beside irssi and WeeChat;
	@# the Matrix benchmarks run it too.
	@case "$(BENCH)" in ""|terminal*) missing="$(BENCH_MISSING)"; if [ -n "$$missing" ]; then \
		echo "==> installing the terminal benchmarks' references: $$missing"; \
		(apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; fi;; esac
	@case "$(BENCH)" in ""|terminal*|matrix*) $(SWIFT) build -c release --product parley;; esac
	@# The Matrix benchmarks talk to a throwaway Synapse, started beside them (and stopped) by scripts/homeserver.
	case "$(BENCH)" in ""|matrix*) homeserver="scripts/homeserver run --";; *) homeserver="";; esac; \
		$$homeserver $$($(SWIFT) build -c release --show-bin-path)/ParleyBenchmarks $(BENCH)

# `make soak`: several release `parley` processes send thousands of messages while their services are faulted
# and whole processes are killed (about 5 minutes; SOAK_SECONDS=N sets the chaos's length, SOAK_SEED=N
# replays a run); then the databases are checked. Not part of `make test`.
soak: deps
	@echo "==> soak (release build)"
	$(SWIFT) build -c release --product parley
	$(SWIFT) build -c release --product ParleySoak
	$$($(SWIFT) build -c release --show-bin-path)/ParleySoak

clean:
	rm -rf .build
