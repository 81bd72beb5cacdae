#!/usr/bin/env bash
# Builds the npm package's .wasm and JS glue into bindings/wasm/js/gen/ (recipe: WASM.md).
#   PHONESTORM_WASM_PROFILE  cargo profile (default wasm-release: opt-level z, LTO)
#   PHONESTORM_WASM_OPT=0    skip wasm-opt (npm `binaryen`)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
profile="${PHONESTORM_WASM_PROFILE:-wasm-release}"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
cd "$root"
# Debian's rustc-web ships the std source; RUSTC_BOOTSTRAP only lets it accept -Zbuild-std.
PATH=/usr/bin:$PATH RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 RUSTFLAGS="-C linker=wasm-ld" \
  /usr/bin/cargo build --profile "$profile" --target wasm32-unknown-unknown \
  -Zbuild-std=std,panic_abort -p phonestorm-wasm
out="$here/js/gen"
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name phonestorm \
  "$target_dir/wasm32-unknown-unknown/$profile/phonestorm_wasm.wasm"
if [ "${PHONESTORM_WASM_OPT:-1}" != 0 ]; then
  wasm_opt="$here/node_modules/.bin/wasm-opt"
  if [ ! -x "$wasm_opt" ]; then
    (cd "$here" && npm install --no-audit --no-fund --silent)
  fi
  "$wasm_opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals -o "$out/phonestorm_bg.wasm" "$out/phonestorm_bg.wasm"
fi
ls -l "$out/phonestorm_bg.wasm"
