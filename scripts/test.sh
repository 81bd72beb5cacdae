#!/usr/bin/env bash
# Runs every test; installs what the tests need. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace
# Extra steps per area (wheel, npm package, services...), in name order.
for step in scripts/ci/*.sh; do
  if [ -x "$step" ]; then
    echo "== $step"
    "$step"
  fi
done
