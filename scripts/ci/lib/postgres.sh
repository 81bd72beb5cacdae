#!/usr/bin/env bash
# Starts (or reuses) one throw-away PostgreSQL on 127.0.0.1:5433 for the tests and exports
# DATABASE_URL. Idempotent; works as root on a fresh Debian 12 (installs `postgresql`).
# Source it: `. scripts/ci/lib/postgres.sh`. Data dir: $PHONESTORM_PGDATA (default /tmp/phonestorm-pg).
# Shared by the outreach and scrape test scripts.

phonestorm_pg_start() {
    local port="${PHONESTORM_PGPORT:-5433}"
    local data="${PHONESTORM_PGDATA:-/tmp/phonestorm-pg}"
    local bindir=""
    for d in /usr/lib/postgresql/*/bin; do
        [ -x "$d/pg_ctl" ] && bindir="$d"
    done
    if [ -z "$bindir" ]; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            echo "[postgres] installing postgresql with apt-get" >&2
            DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || true
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 || return 1
            for d in /usr/lib/postgresql/*/bin; do
                [ -x "$d/pg_ctl" ] && bindir="$d"
            done
        fi
    fi
    if [ -z "$bindir" ]; then
        echo "[postgres] PostgreSQL not available; PostgreSQL tests will be skipped" >&2
        return 1
    fi
    local as=()
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
        as=(runuser -u postgres --)
    fi
    if ! "${as[@]}" "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port"; then
        if [ ! -f "$data/PG_VERSION" ]; then
            mkdir -p "$data"
            [ "$(id -u)" = 0 ] && chown postgres "$data"
            "${as[@]}" "$bindir/initdb" -D "$data" -U postgres --auth=trust -E UTF8 >/dev/null || return 1
        fi
        "${as[@]}" "$bindir/pg_ctl" -D "$data" -l "$data/log" -w \
            -o "-c listen_addresses=127.0.0.1 -p $port -k /tmp -c fsync=on" start >/dev/null || return 1
    fi
    export DATABASE_URL="postgresql://postgres@127.0.0.1:$port/postgres"
    echo "[postgres] ready at $DATABASE_URL" >&2
}
