#!/usr/bin/env bash
# The README's test command, and what CI runs (.ci/run calls it).
#
#   bash scripts/test.sh
#
# Steps, in order, stopping at the first failure:
#   1. cargo fmt --check      (the workspace, and the benches/ workspace)
#   2. cargo clippy           (default members, all targets, warnings are errors)
#   3. cargo test             (default members: the pure-Rust crates)
#   4. every executable scripts/ci/*.sh, in name order. Each area owns its own script
#      (extra set-up such as apt-get / pip / PostgreSQL, bindings, node tests); each must be
#      idempotent and work on a fresh Debian 12 machine as root.
#
# "Default members" are the crates listed in the root Cargo.toml's `default-members`: the
# bindings need their own toolchains (maturin, wasm32) and are built and tested by their own
# scripts/ci/*.sh steps.
#
# This script installs nothing itself (beyond the rustfmt/clippy components if a toolchain
# lacks them); set-up lives in the steps that need it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# Incremental compilation only costs time in a one-shot run.
if [[ "${CI:-}" == "true" ]]; then
    export CARGO_INCREMENTAL=0
fi

STEP_NAMES=()
STEP_TIMES=()
STEP_STATUS=()
START_ALL=$(date +%s)

summary() {
    local end=$(date +%s) i passed=0 failed=0
    echo
    echo "================ test.sh summary ================"
    for i in "${!STEP_NAMES[@]}"; do
        printf '%-6s %5ss  %s\n' "${STEP_STATUS[$i]}" "${STEP_TIMES[$i]}" "${STEP_NAMES[$i]}"
        if [[ "${STEP_STATUS[$i]}" == ok ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
    done
    echo "total: $((end - START_ALL))s"
    echo "steps: ${passed} passed, ${failed} failed"
}

# step NAME CMD...: runs CMD with a header; on failure prints the summary and exits.
step() {
    local name=$1 t0 t1 rc
    shift
    echo
    echo "==> [$(date -u +%H:%M:%S)] ${name}"
    echo "    \$ $*"
    t0=$(date +%s)
    set +e
    # A subshell with errexit, so a shell function stops at its first failing command.
    (set -e; "$@")
    rc=$?
    set -e
    t1=$(date +%s)
    STEP_NAMES+=("$name")
    STEP_TIMES+=("$((t1 - t0))")
    if [[ $rc -ne 0 ]]; then
        STEP_STATUS+=("FAILED")
        echo "==> FAILED (exit ${rc}) after $((t1 - t0))s: ${name}" >&2
        summary
        exit "$rc"
    fi
    STEP_STATUS+=("ok")
    echo "==> ok ($((t1 - t0))s): ${name}"
}

ensure_components() {
    local missing=()
    cargo fmt --version >/dev/null 2>&1 || missing+=(rustfmt)
    cargo clippy --version >/dev/null 2>&1 || missing+=(clippy)
    if [[ ${#missing[@]} -gt 0 ]]; then
        rustup component add "${missing[@]}"
    fi
}

fmt_check() {
    cargo fmt --all --check
    cargo fmt --check --manifest-path "$ROOT/benches/Cargo.toml"
}

step "toolchain components (rustfmt, clippy)" ensure_components
step "cargo fmt --check" fmt_check
step "cargo clippy (default members, all targets, -D warnings)" \
    cargo clippy --all-targets -- -D warnings
step "cargo test (default members)" cargo test

shopt -s nullglob
for script in scripts/ci/*.sh; do
    if [[ -x "$script" ]]; then
        step "$script" bash "$script"
    else
        echo
        echo "==> skipping ${script} (not executable)"
    fi
done

summary
