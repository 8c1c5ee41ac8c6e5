# Parley: `make run` builds and starts the app; `make test` builds and runs every test.
# Both install the Debian packages they need first (they run as root; apt-get install -y).

SWIFT ?= swift
DEBIAN_PACKAGES := libncurses-dev libsqlite3-dev tmux libchafa-dev libglib2.0-dev libstb-dev libjpeg-dev libsndfile1-dev pkg-config
# A package is present when dpkg says "install ok installed".
MISSING = $(shell for p in $(DEBIAN_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done)
BENCH ?=

.PHONY: deps build run test lint format bench clean

deps:
	@missing="$(MISSING)"; \
	if [ -n "$$missing" ]; then \
		echo "==> installing Debian packages: $$missing"; \
		(apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	else \
		echo "==> Debian packages present: $(DEBIAN_PACKAGES)"; \
	fi

build: deps
	@echo "==> building"
	$(SWIFT) build

run: build
	@echo "==> starting parley"
	$(SWIFT) run parley $(ARGS)

test: deps lint
	@echo "==> building and running every test"
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

lint:
	@echo "==> lint (swift format)"
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests Benchmarks

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests Benchmarks

bench: deps
	@echo "==> benchmarks (release build)"
	$(SWIFT) build -c release --product ParleyBenchmarks
	@# The terminal benchmarks run the release app itself, through a pseudo-terminal.
	@case "$(BENCH)" in ""|terminal*) $(SWIFT) build -c release --product parley;; esac
	$$($(SWIFT) build -c release --show-bin-path)/ParleyBenchmarks $(BENCH)

clean:
	rm -rf .build
