# pulumi-openconnectors — the two commands:
#   make up     set everything up, start the emulator, `pulumi up` the quickstart
#   make test   the whole test suite (unit, emulator contract, provider, end-to-end)
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
PY := $(VENV)/bin/python
PYTEST_WORKERS ?= 3

.PHONY: help up down env engine venv lock test test-fast test-fleet e2e lint format typecheck bench bench-emulator bench-fleet bench-sigint bench-package chaos emulator clean

help:
	@echo "make up        start the emulator and deploy the quickstart (installs what is missing)"
	@echo "make down      destroy the quickstart stack and stop the emulator"
	@echo "make test      run all tests (unit, emulator, provider, end-to-end through the real engine)"
	@echo "make lint      ruff + mypy --strict + actionlint (GitHub Actions workflows)"
	@echo "make bench     deployment benchmarks (real engine + emulator), writes bench-results/"
	@echo "make chaos     the long seeded fault-injection run"
	@echo "make test-fleet  the example fleet in full: 20 tenants x 5 instances, --parallel 4"
	@echo "make bench-fleet stacks per minute of a fleet at P = 1, 2, 4, 8 vs a plain CLI loop"
	@echo "make bench-sigint  what an inherited ignored SIGINT costs a pulumi preview"
	@echo "make bench-package REF=<commit>  CPU per pulumi command: the package of REF vs the working tree"
	@echo "make emulator  run the emulator in the foreground"
	@echo "make lock      recompile requirements/dev.lock (LOCK_FLAGS=--upgrade: newest versions)"
	@echo 'eval "$$(make -s env)"  put pulumi, the venv and the local backend in your shell'

venv:
	@bash scripts/setup_python.sh

# The exact versions of the development environment, for every platform and Python >= 3.10.
# Keeps the versions already locked unless LOCK_FLAGS=--upgrade (or --upgrade-package NAME).
lock: venv
	$(VENV)/bin/uv pip compile requirements/dev.in --universal --python-version 3.10 \
		--generate-hashes --no-emit-package pulumi-openconnectors \
		--custom-compile-command "make lock" $(LOCK_FLAGS) -o requirements/dev.lock
	@bash scripts/setup_python.sh

# The Pulumi CLI and its Python language host, and the YAML language host (scripts/bootstrap_yaml.sh,
# linked next to pulumi); built once, cached under ~/.cache/pulumi-openconnectors (docs/engine.md).
engine:
	@bash scripts/bootstrap_engine.sh >/dev/null

env:
	@bash scripts/env.sh

up:
	@bash scripts/up.sh

down:
	@bash scripts/down.sh

test: venv engine
	@echo "[test] running the test suite with $(PYTEST_WORKERS) workers"
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadgroup -q --durations=25 -m "not fleet_full" tests

test-fast: venv
	$(PY) -m pytest -n $(PYTEST_WORKERS) -q --ignore=tests/e2e --ignore=tests/real_service tests

e2e: venv engine
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadgroup -q -m "not fleet_full" tests/e2e

lint: venv
	$(VENV)/bin/ruff check provider tests scripts examples
	$(VENV)/bin/ruff format --check provider tests scripts examples
	$(VENV)/bin/mypy
	@bash scripts/lint_workflows.sh

format: venv
	$(VENV)/bin/ruff format provider tests scripts examples
	$(VENV)/bin/ruff check --fix provider tests scripts examples

bench: venv engine
	$(PY) scripts/bench_deploy.py $(BENCH_ARGS)

bench-emulator: venv
	$(PY) scripts/bench_emulator.py

bench-sigint: venv engine
	$(PY) scripts/bench_sigint.py $(BENCH_SIGINT_ARGS)

# Whether a change to the package makes each engine command costlier: REF's package against the
# working tree's (e.g. REF=e95c16a, the package before issue 20's refactor).
bench-package: venv engine
	@test -n "$(REF)" || { echo "make bench-package needs REF=<commit, tag or branch>" >&2; exit 2; }
	$(PY) scripts/bench_package_cost.py --ref "$(REF)" $(BENCH_PACKAGE_ARGS)

# The example fleet in full (20 tenants x 5 instances, S3 state, --parallel 4); `make test` runs
# the bounded fleet tests (tests/e2e/test_fleet.py) only.
test-fleet: venv engine
	$(PY) -m pytest -q -s -m fleet_full tests/e2e/test_fleet_full.py

bench-fleet: venv engine
	$(PY) scripts/bench_fleet.py $(BENCH_FLEET_ARGS)

chaos: venv engine
	OPENCONNECTORS_CHAOS_CYCLES=$${OPENCONNECTORS_CHAOS_CYCLES:-12} $(PY) -m pytest -q -m chaos tests/e2e

emulator: venv
	$(PY) -m pulumi_openconnectors.emulator --port $${PORT:-8790} --db $${DB:-.state/emulator.db}

clean:
	rm -rf .state bench-results .pytest_cache .mypy_cache .ruff_cache
