#!/usr/bin/env bash
# Regenerates examples/data/sample-web.warc.gz and examples/data/leads.csv (deterministic)
# from the fixture web in phonestorm-scrape/src/fixture.rs.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run -q -p phonestorm-scrape --example gen_sample_web
