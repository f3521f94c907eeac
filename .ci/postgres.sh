#!/usr/bin/env bash
# Start a local PostgreSQL server (Debian's packages) for the shared-library tests, with a role and a
# database for them. Idempotent: safe to run when the server is already up. The URL the tests use is
# set by the caller (.ci/run); this script prints nothing on stdout.
#
# The server is started with stdin/stdout/stderr redirected and no other descriptors inherited: a
# daemon that keeps a caller's pipe open makes `$(...)` or `| tee` wait for it forever.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start </dev/null >/dev/null 2>&1 || true
ready=no
for _ in $(seq 1 30); do
  if su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1; then ready=yes; break; fi
  sleep 1
done
if [ "$ready" != yes ]; then
  echo "postgres.sh: the PostgreSQL server did not answer within 30 s" >&2
  exit 1
fi
su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname='duidu'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"create role duidu login superuser password 'duidu'\"" >/dev/null
su postgres -c "psql -qtAc \"select 1 from pg_database where datname='duidu_test'\"" | grep -q 1 \
  || su postgres -c "createdb -O duidu duidu_test"
