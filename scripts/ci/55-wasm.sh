#!/usr/bin/env bash
# Builds the npm (WASM) package's two modules (phones, full) and runs its node --test
# suite (the shared testdata/ corpus, errors, a bare node:vm context as in Convex), then
# type-checks examples/convex with tsc.
# Recipe: shared/WASM.md. Idempotent: installs the Debian toolchain and the wasm-bindgen
# CLI only when missing. Prints its duration.
set -euo pipefail
start=$(date +%s)
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

# Debian's rustc-web ships the std source (wasm32 std is built with -Zbuild-std).
missing=()
for pkg in rustc-web cargo-web rust-web-src lld; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi

# The CLI must match the `=` pin of wasm-bindgen in Cargo.toml / Cargo.lock.
want="0.2.130"
export PATH="$HOME/.cargo/bin:$PATH"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $want" ]; then
  cargo install wasm-bindgen-cli --version "$want"
fi

bash bindings/wasm/build.sh
(cd bindings/wasm && node --experimental-vm-modules --test tests/)

# tsc over examples/convex (and so over the package's .d.ts) against the real `convex`
# package; typescript and convex come from npm, node_modules stays untracked.
(cd examples/convex && npm install --no-audit --no-fund --silent && npx tsc --noEmit -p .)

echo "55-wasm.sh: done in $(( $(date +%s) - start ))s"
