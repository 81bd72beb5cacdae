#!/usr/bin/env bash
# Builds the npm package's two .wasm modules and their JS glue (recipe: WASM.md):
#   js/gen/phones/  --no-default-features: the phone functions only (`phonestorm/phones`,
#                   the small module for cold calls)
#   js/gen/full/    the whole core (`phonestorm`)
# Environment:
#   PHONESTORM_WASM_PROFILE  cargo profile (default wasm-release: opt-level z, LTO)
#   PHONESTORM_WASM_OPT=0    skip wasm-opt (npm `binaryen`)
#   PHONESTORM_WASM_ONLY     build only this variant (phones or full)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
profile="${PHONESTORM_WASM_PROFILE:-wasm-release}"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
cd "$root"

if [ "${PHONESTORM_WASM_OPT:-1}" != 0 ] && [ ! -x "$here/node_modules/.bin/wasm-opt" ]; then
  (cd "$here" && npm install --no-audit --no-fund --silent)
fi

build_one() {
  local variant="$1"
  shift
  # Debian's rustc-web ships the std source; RUSTC_BOOTSTRAP only lets it accept -Zbuild-std.
  PATH=/usr/bin:$PATH RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 RUSTFLAGS="-C linker=wasm-ld" \
    /usr/bin/cargo build --profile "$profile" --target wasm32-unknown-unknown \
    -Zbuild-std=std,panic_abort -p phonestorm-wasm "$@"
  local out="$here/js/gen/$variant"
  rm -rf "$out"
  mkdir -p "$out"
  wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name phonestorm \
    "$target_dir/wasm32-unknown-unknown/$profile/phonestorm_wasm.wasm"
  if [ "${PHONESTORM_WASM_OPT:-1}" != 0 ]; then
    # -ocimfs=30: inline a function with one caller only when it is tiny. wasm-opt's
    # default inlines every such function whatever its size, which merged the page walk,
    # the scanner and the tokenizer loop into a few 10 KB functions; V8 optimises hot
    # functions on background threads during a cold first call, and on those it spent
    # about 130 ms of CPU, slowing that call (bench/coldstart.mjs, README "WASM").
    "$here/node_modules/.bin/wasm-opt" -Oz -ocimfs=30 --enable-bulk-memory \
      --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
      -o "$out/phonestorm_bg.wasm" "$out/phonestorm_bg.wasm"
  fi
  echo "$variant: $(wc -c <"$out/phonestorm_bg.wasm") bytes raw, $(gzip -9c "$out/phonestorm_bg.wasm" | wc -c) gzipped"
}

only="${PHONESTORM_WASM_ONLY:-}"
if [ -z "$only" ] || [ "$only" = phones ]; then build_one phones --no-default-features; fi
if [ -z "$only" ] || [ "$only" = full ]; then build_one full; fi
