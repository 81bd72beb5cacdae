#!/usr/bin/env bash
# Builds and tests the bindings: the Python wheel (maturin → fresh venv → pytest, incl. the
# FastAPI example) and the npm package (wasm32 via Debian's rustc-web per WASM.md →
# wasm-bindgen → wasm-opt → node --test, incl. the bare node:vm test; tsc over
# examples/convex). Idempotent; installs only what is missing. Prints its duration.
set -euo pipefail
start=$(date +%s)
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
target_dir="${CARGO_TARGET_DIR:-$root/target}"

# --- toolchains --------------------------------------------------------------------------
if ! dpkg -s rustc-web cargo-web rust-web-src lld >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rustc-web cargo-web rust-web-src lld
fi
wb_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
  cargo install wasm-bindgen-cli --version "$wb_version"
fi

# --- Python wheel ------------------------------------------------------------------------
venv="$target_dir/bindings-ci-venv"
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check maturin pytest fastapi httpx
wheels="$target_dir/bindings-ci-wheels"
rm -rf "$wheels"
(cd bindings/python && "$venv/bin/maturin" build --quiet --out "$wheels")
"$venv/bin/pip" install -q --disable-pip-version-check "$wheels"/phonestorm-*.whl
(cd bindings/python && "$venv/bin/python" -m pytest -q tests)
if [ -d examples/python ]; then
  (cd examples/python && "$venv/bin/python" -m pytest -q)
fi

# --- npm package -------------------------------------------------------------------------
(cd bindings/wasm && npm install --no-audit --no-fund --silent)
bash bindings/wasm/build.sh
(cd bindings/wasm && node --experimental-vm-modules --test tests/)
if [ -d examples/convex ]; then
  (cd examples/convex && npm install --no-audit --no-fund --silent && npx tsc --noEmit -p .)
fi

echo "50-bindings.sh: done in $(( $(date +%s) - start ))s"
