#!/usr/bin/env bash
# Start a local PostgreSQL server (Debian's packages) for the shared-library tests, and print the URL
# the tests use. Idempotent: safe to run when the server is already up.
set -euo pipefail
exec 3>&1 1>&2  # everything but the URL goes to stderr, so callers can capture stdout
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do
  su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname='duidu'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"create role duidu login superuser password 'duidu'\""
su postgres -c "psql -qtAc \"select 1 from pg_database where datname='duidu_test'\"" | grep -q 1 \
  || su postgres -c "createdb -O duidu duidu_test"
echo "postgresql+psycopg://duidu:duidu@127.0.0.1:5432/duidu_test" >&3
