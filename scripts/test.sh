#!/usr/bin/env bash
# Runs every test; installs what the tests need. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace
