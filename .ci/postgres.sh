#!/usr/bin/env bash
# Install and start a PostgreSQL server on loopback for the store tests (tests/store), then
# print its URL on standard output — and nothing else there, so callers can capture it:
#
#     export JURI_TEST_POSTGRES_URL="$(bash .ci/postgres.sh)"
#
# or, sourced, it exports JURI_TEST_POSTGRES_URL itself:  source .ci/postgres.sh
#
# For a fresh Debian machine, run as root (as CI and the sessions are). Safe to run again: it
# reuses the installed server, the cluster, the user and the database. The password is a fixed
# test password for a server that listens on loopback only; it guards nothing.
# Settings (environment, all optional): JURI_PG_USER, JURI_PG_PASSWORD, JURI_PG_DB.

_juri_pg_main() {
    set -euo pipefail
    local user="${JURI_PG_USER:-juri}" password="${JURI_PG_PASSWORD:-juri-test}"
    local db="${JURI_PG_DB:-juri_test}"

    if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
        echo "postgres.sh: installing PostgreSQL (apt-get)" >&2
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi

    local version
    version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
    # Debian's package normally creates the cluster "main"; make it when it did not.
    if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {found=1} END {exit !found}'
    then
        pg_createcluster "$version" main >/dev/null
    fi
    local port status
    port="$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')"
    status="$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $4}')"
    if [ "$status" != "online" ]; then
        # no systemd in containers: start the cluster directly, as its owner
        pg_ctlcluster "$version" main start >/dev/null
    fi
    local i
    for i in $(seq 1 60); do
        pg_isready -q -h 127.0.0.1 -p "$port" && break
        sleep 0.5
    done
    pg_isready -q -h 127.0.0.1 -p "$port" || { echo "postgres.sh: server not ready" >&2; return 1; }

    local psql=(runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres)
    "${psql[@]}" -v user="$user" -v password="$password" >/dev/null <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'user')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'user', :'password') \gexec
SQL
    "${psql[@]}" -v user="$user" -v db="$db" >/dev/null <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL

    JURI_TEST_POSTGRES_URL="postgresql+psycopg://${user}:${password}@127.0.0.1:${port}/${db}"
    export JURI_TEST_POSTGRES_URL
    echo "$JURI_TEST_POSTGRES_URL"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    _juri_pg_main
else
    # sourced: keep the caller's shell options as they were
    _juri_pg_saved_opts="$(set +o)"
    _juri_pg_main >/dev/null
    eval "$_juri_pg_saved_opts"
    unset _juri_pg_saved_opts
fi
