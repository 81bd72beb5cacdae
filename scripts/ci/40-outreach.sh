#!/usr/bin/env bash
# Outreach tests that need real servers: PostgreSQL (store suite, analytics) and an SMTP
# server (aiosmtpd). The Twilio/Ollama/DNS fixtures are started by the Rust tests themselves.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/ci/lib/postgres.sh
if phonestorm_pg_start; then
    # A fresh database per run so migrations run from zero.
    psql "$DATABASE_URL" -qc "DROP DATABASE IF EXISTS phonestorm_outreach_test" >/dev/null
    psql "$DATABASE_URL" -qc "CREATE DATABASE phonestorm_outreach_test" >/dev/null
    export PHONESTORM_TEST_PG="${DATABASE_URL%/*}/phonestorm_outreach_test"
fi
python3 -c "import aiosmtpd" 2>/dev/null || python3 -m pip install -q aiosmtpd
export PHONESTORM_TEST_SMTP=1
cargo test -p phonestorm-outreach -- --test-threads=2
# The CLI's run-due over SMTP, now that aiosmtpd is certainly there.
cargo test -p phonestorm-cli --test outreach_email_cli
