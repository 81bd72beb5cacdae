#!/usr/bin/env bash
# phonestorm against its peers, in ONE run on the SAME corpus:
#
#   bash benches/compare/run.sh
#
# Engines: phonestorm (find_in_text, extract_html, normalize); libphonenumber's C++
# PhoneNumberMatcher (Debian libphonenumber-dev, harness compiled here with g++); Python
# `phonenumbers` PhoneNumberMatcher (pip); the rlibphonenumber crate's matcher; the
# `phonenumber` crate's parser (it has no matcher). All peers: region US, leniency VALID
# (their default). Prints MB/s, ns per number, ratios, recall and precision against the
# corpus's ground truth, first-call cost in a fresh process, 1 MB pathological inputs, and the
# targets. Not part of CI: it is a benchmark (a few minutes, release builds).
#
# Knobs (environment): RUNS (best of, default 5), TEXT_MB / HTML_MB (corpus size, default 4),
# NORM (normalise inputs, default 20000), FIRST_CALL_RUNS (default 30),
# COMPARE_DIR (work dir, default benches/target/compare).
# Installs what it needs when missing: libphonenumber-dev + g++ (apt), phonenumbers (pip).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
BENCHES=$(dirname "$HERE")
WORK=${COMPARE_DIR:-$BENCHES/target/compare}
RUNS=${RUNS:-5}
TEXT_MB=${TEXT_MB:-4}
HTML_MB=${HTML_MB:-4}
NORM=${NORM:-20000}
FIRST_CALL_RUNS=${FIRST_CALL_RUNS:-30}
PY_PHONENUMBERS=${PY_PHONENUMBERS:-phonenumbers==9.0.43}

log() { echo "[compare $(date -u +%H:%M:%S)] $*" >&2; }

# --- peers' set-up -------------------------------------------------------------------------
if ! dpkg -s libphonenumber-dev >/dev/null 2>&1 || ! command -v g++ >/dev/null; then
    log "installing libphonenumber-dev g++ (apt)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libphonenumber-dev g++ >/dev/null
fi
if ! python3 -c 'import phonenumbers' 2>/dev/null; then
    log "installing $PY_PHONENUMBERS (pip)"
    python3 -m pip install -q "$PY_PHONENUMBERS"
fi

# --- build -----------------------------------------------------------------------------------
mkdir -p "$WORK/out"
log "building the Rust engines (release)"
# The `html` feature benchmarks phone::html::extract_html once it exists on this checkout.
FEATURES=()
if grep -q "pub fn extract_html" "$BENCHES/../phonestorm-core/src/phone/html.rs" 2>/dev/null; then
    FEATURES=(--features html)
fi
cargo build -q --release --manifest-path "$BENCHES/Cargo.toml" "${FEATURES[@]}" --bins
BIN="$BENCHES/target/release"
log "compiling the C++ harness"
g++ -O2 -std=c++17 -o "$WORK/cpp_harness" "$HERE/cpp_harness.cc" -lphonenumber

# --- corpus ----------------------------------------------------------------------------------
log "generating the corpus (${TEXT_MB} MB text, ${HTML_MB} MB HTML, ${NORM} numbers)"
"$BIN/gen-corpus" "$WORK/corpus" "$TEXT_MB" "$HTML_MB" "$NORM"

# --- engines, one after the other on the same files -----------------------------------------
OUT="$WORK/out"
: >"$OUT/results.jsonl"
log "phonestorm + Rust peers (best of $RUNS)"
"$BIN/compare-rust" "$WORK/corpus" "$OUT" "$RUNS" | tee -a "$OUT/results.jsonl" >&2
log "libphonenumber C++ (best of $RUNS)"
"$WORK/cpp_harness" "$WORK/corpus" "$OUT" "$RUNS" | tee -a "$OUT/results.jsonl" >&2
log "Python phonenumbers (one pass: it is slow)"
python3 "$HERE/py_harness.py" "$WORK/corpus" "$OUT" 1 | tee -a "$OUT/results.jsonl" >&2

log "first call in a fresh process ($FIRST_CALL_RUNS runs each)"
: >"$OUT/first_call.jsonl"
for engine in phonestorm phonenumber rlibphonenumber; do
    for _ in $(seq "$FIRST_CALL_RUNS"); do
        "$BIN/first-call" "$engine" >>"$OUT/first_call.jsonl"
    done
done

echo
echo "## phonestorm vs peers — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(uname -m)"
echo
python3 "$HERE/report.py" "$WORK/corpus" "$OUT"
echo
echo "### 1 MB pathological inputs (phonestorm; limit 1000 ms each)"
echo
echo '```'
"$BIN/pathological" 1000
echo '```'
