#!/usr/bin/env bash
# Idempotent: install Debian's PostgreSQL if missing, start a cluster, create the khabar role and test database,
# and print the connection URL on stdout (everything else goes to stderr).
set -euo pipefail

ROLE=${KHABAR_PG_ROLE:-khabar}
PASSWORD=${KHABAR_PG_PASSWORD:-khabar}
DATABASE=${KHABAR_PG_DATABASE:-khabar_test}
PORT=${KHABAR_PG_PORT:-5432}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
  echo "setup-postgres: installing postgresql" >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 \
    || { as_root apt-get update -q >&2 && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2; }
fi

VERSION=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main"' | grep -q .; then
  as_root pg_createcluster "$VERSION" main --port "$PORT" >&2
fi
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
  as_root pg_ctlcluster "$VERSION" main start >&2
fi
PORT=$(pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" {print $3}')

psql_admin() { as_root su postgres -c "psql -v ON_ERROR_STOP=1 -p $PORT -qAt $*"; }
for _ in $(seq 30); do psql_admin "-c 'SELECT 1'" >/dev/null 2>&1 && break; sleep 1; done

if [ "$(psql_admin "-c \"SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'\"")" != "1" ]; then
  psql_admin "-c \"CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD' CREATEDB\"" >&2
fi
# tests drop their throw-away databases WITH (FORCE), which must end the connections still open on them
psql_admin "-c \"GRANT pg_signal_backend TO $ROLE\"" >&2
if [ "$(psql_admin "-c \"SELECT 1 FROM pg_database WHERE datname = '$DATABASE'\"")" != "1" ]; then
  psql_admin "-c \"CREATE DATABASE $DATABASE OWNER $ROLE\"" >&2
fi

echo "postgresql://$ROLE:$PASSWORD@localhost:$PORT/$DATABASE"
