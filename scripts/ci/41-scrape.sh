#!/usr/bin/env bash
# Scrape tests that need a real PostgreSQL (the registry adapter), and the README main job
# (offline `phonestorm enrich` on the bundled leads against the bundled WARC) as a smoke test.
# The fixture web, SearXNG and Places fakes are started by the Rust tests themselves.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/ci/lib/postgres.sh
if phonestorm_pg_start; then
    export PHONESTORM_TEST_DATABASE_URL="$DATABASE_URL"
    cargo test -p phonestorm-scrape --test enrich postgres_registry -- --nocapture
else
    echo "[scrape] PostgreSQL unavailable: postgres_registry_on_a_real_server skipped" >&2
fi
summary=$(cargo run -q -p phonestorm-cli -- enrich examples/data/leads.csv \
    --warc examples/data/sample-web.warc.gz --json 2>&1 >/dev/null | tail -1)
echo "[scrape] main job: $summary"
case "$summary" in
    "60 leads: 60 with a domain (10 by reverse discovery from phone), 0 failed") ;;
    *) echo "[scrape] unexpected main-job result" >&2; exit 1 ;;
esac
