#!/usr/bin/env bash
# Builds and tests the Python wheel: maturin (dev profile, fast to build) → fresh venv →
# mypy --strict over the package and stubtest of the native module's .pyi (so the stub
# cannot drift), pytest over the shared testdata/ corpus, then the FastAPI example's
# test. Idempotent.
# Prints its duration.
set -euo pipefail
start=$(date +%s)
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
target_dir="${CARGO_TARGET_DIR:-$root/target}"

# --- Python wheel ------------------------------------------------------------------------
venv="$target_dir/bindings-ci-venv"
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check maturin pytest fastapi httpx mypy
wheels="$target_dir/bindings-ci-wheels"
rm -rf "$wheels"
(cd bindings/python && "$venv/bin/maturin" build --quiet --out "$wheels")
"$venv/bin/pip" install -q --disable-pip-version-check "$wheels"/phonestorm-*.whl
# Type checks run on the installed wheel (the stub is checked against the real module).
# No stubtest allowlist: every native name has a stub entry.
(cd "$target_dir" && "$venv/bin/python" -m mypy --strict -p phonestorm \
  && "$venv/bin/python" -m mypy.stubtest phonestorm._core)
# The tests and the example are type-checked too: they are the package's first callers.
(cd bindings/python && "$venv/bin/python" -m mypy --strict --cache-dir "$target_dir/mypy-cache" tests \
  && "$venv/bin/python" -m pytest -q tests)
if [ -d examples/python ]; then
  (cd examples/python && "$venv/bin/python" -m mypy --strict --cache-dir "$target_dir/mypy-cache" . \
    && "$venv/bin/python" -m pytest -q)
fi

echo "50-bindings.sh: done in $(( $(date +%s) - start ))s"
